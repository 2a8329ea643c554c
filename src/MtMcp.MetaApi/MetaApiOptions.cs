namespace MtMcp.MetaApi;

/// <summary>
/// Settings of one MetaApi account (configuration keys <c>metaapi.token</c> or the environment variable
/// <c>METAAPI_TOKEN</c>, <c>metaapi.account_id</c>, <c>metaapi.base_url</c>, <c>metaapi.quote_poll_ms</c>; trading
/// follows <c>trading.live.enabled</c> and <c>trading.live.real_accounts</c>).
/// </summary>
/// <remarks>
/// The token is sent only in the <c>auth-token</c> header; it never appears in a URL, a log line, an exception or
/// <see cref="ToString"/>.
/// </remarks>
public sealed record MetaApiOptions
{
    /// <summary>The environment variable that supplies the token when configuration does not.</summary>
    public const string TokenEnvironmentVariable = "METAAPI_TOKEN";

    /// <summary>The client API of the New York region (MetaApi lists the other regions' hosts on its API access page).</summary>
    public static readonly Uri DefaultBaseUrl = new("https://mt-client-api-v1.new-york.agiliumtrade.ai/");

    /// <summary>The MetaApi API token (<c>metaapi.token</c>). Secret: never logged or printed.</summary>
    public required string Token { get; init; }

    /// <summary>The MetaApi account id (a UUID from the MetaApi web app or provisioning API), not the MT login.</summary>
    public required string AccountId { get; init; }

    /// <summary>The name the server lists the account under; defaults to <c>metaapi-</c> and the account id's first 8 characters.</summary>
    public string? Name { get; init; }

    /// <summary>The client API's base address (<c>metaapi.base_url</c>): the region the account is deployed in.</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>Deadline of one HTTP request. A trade request past it is reconciled, never sent again.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a read (never a trade) is tried in all after a timeout, a 5xx or a 429 before it fails.</summary>
    public int ReadAttempts { get; init; } = 3;

    /// <summary>Pause before the second attempt of a read; doubles per attempt (a 429's Retry-After wins when longer).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait honoured from a 429's Retry-After before a read gives up with a rate-limit error.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often subscribed symbols' current prices are polled (<c>metaapi.quote_poll_ms</c>).</summary>
    public TimeSpan QuotePollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether this server may trade on the account at all (server mode live).</summary>
    public bool TradingEnabled { get; init; }

    /// <summary>Whether REAL accounts may trade too (<c>trading.live.real_accounts</c>): the explicit switch for live money.</summary>
    public bool LiveTradingEnabled { get; init; }

    /// <summary>How long reconciliation of a trade whose answer was lost keeps reading before the outcome stays uncertain.</summary>
    public TimeSpan ReconcileTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When reconciliation finds nothing it reads once more after this pause before concluding "not executed": time for
    /// MetaApi to list a deal, and for a trade still travelling through MetaApi when the HTTP deadline passed to land.
    /// </summary>
    public TimeSpan ReconcileGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The account's name on this server.</summary>
    public string DisplayName => Name ?? "metaapi-" + AccountId[..Math.Min(8, AccountId.Length)];

    /// <summary>Whether an account of <paramref name="mode"/> may trade under these settings.</summary>
    public bool AllowsTrading(AccountTradeMode mode) =>
        TradingEnabled && (mode != AccountTradeMode.Real || LiveTradingEnabled);

    /// <summary>
    /// The token to use: the configured <c>metaapi.token</c> if set, else the value of
    /// <see cref="TokenEnvironmentVariable"/>; null when neither is set (the connector stays off).
    /// </summary>
    public static string? ResolveToken(string? configured, string? environment) =>
        !string.IsNullOrWhiteSpace(configured) ? configured
        : !string.IsNullOrWhiteSpace(environment) ? environment
        : null;

    /// <summary>The settings without the token.</summary>
    public override string ToString() =>
        $"MetaApiOptions {{ AccountId = {AccountId}, BaseUrl = {BaseUrl}, Token = ***, TradingEnabled = {TradingEnabled}, LiveTradingEnabled = {LiveTradingEnabled} }}";

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message names it and what is allowed.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            throw new ArgumentException($"metaapi.token is empty; set it in the configuration or the environment variable {TokenEnvironmentVariable}.");
        }

        if (string.IsNullOrWhiteSpace(AccountId) || AccountId.AsSpan().IndexOfAny(['/', '?', '#', ' ']) >= 0)
        {
            throw new ArgumentException($"metaapi.account_id '{AccountId}' is not a MetaApi account id; use the id the MetaApi web app shows (a UUID).");
        }

        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && !BaseUrl.IsLoopback))
        {
            throw new ArgumentException($"metaapi.base_url '{BaseUrl}' must be an absolute https address (plain http only on loopback).");
        }

        if (RequestTimeout <= TimeSpan.Zero || QuotePollInterval <= TimeSpan.Zero || ReadAttempts < 1)
        {
            throw new ArgumentException("MetaApi timeouts and the quote poll interval must be positive and ReadAttempts at least 1.");
        }
    }
}
