using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using MtMcp.MetaApi.Wire;

namespace MtMcp.MetaApi;

/// <summary>
/// The HTTP side of the connector: one account's paths, the <c>auth-token</c> header, per-request deadlines, retries
/// of reads (never of trades) and the translation of MetaApi's error answers into plain messages.
/// </summary>
/// <remarks>Thread-safe. No text leaving this class contains the token: MetaApi's own messages are redacted too.</remarks>
internal sealed class MetaApiClient
{
    private const string TokenHeader = "auth-token";

    private readonly HttpClient _http;
    private readonly MetaApiOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _accountPath;
    private readonly Uri _baseUrl;
    private int _reachable = 1;

    public MetaApiClient(HttpClient http, MetaApiOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _baseUrl = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
        _time = time;
        _logger = logger;
        _accountPath = "users/current/accounts/" + Uri.EscapeDataString(options.AccountId) + "/";
    }

    /// <summary>Whether the last request got an HTTP answer below 500.</summary>
    public bool IsReachable => Volatile.Read(ref _reachable) == 1;

    /// <summary>Reads <paramref name="path"/> (relative to the account), retrying timeouts, 5xx and 429.</summary>
    /// <exception cref="GatewayUnavailableException">MetaApi could not be reached or refused the request.</exception>
    public Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        ReadAsync(HttpMethod.Get, path, null, type, cancellationToken)!;

    /// <summary>Reads <paramref name="path"/> like <see cref="GetAsync"/>, but an HTTP 404 answer is null (MetaApi found no such thing).</summary>
    /// <exception cref="GatewayUnavailableException">MetaApi could not be reached or refused the request.</exception>
    public Task<T?> GetOrNullAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class =>
        ReadAsync(HttpMethod.Get, path, null, type, cancellationToken, notFoundIsNull: true);

    /// <summary>Posts a calculation without side effects (margin), retried as a read.</summary>
    /// <exception cref="GatewayUnavailableException">MetaApi could not be reached or refused the request.</exception>
    public Task<TResult> CalculateAsync<TBody, TResult>(string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> type, CancellationToken cancellationToken) =>
        ReadAsync(HttpMethod.Post, path, JsonSerializer.SerializeToUtf8Bytes(body, bodyType), type, cancellationToken)!;

    /// <summary>Posts <paramref name="trade"/> exactly once; whatever happens comes back as a <see cref="TradePost"/>.</summary>
    public async Task<TradePost> PostTradeAsync(TradeDto trade, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(trade, MetaApiJsonContext.Default.TradeDto);
        Exchange exchange;
        try
        {
            exchange = await SendAsync(HttpMethod.Post, "trade", body, cancellationToken).ConfigureAwait(false);
        }
        catch (MetaApiTransportException ex)
        {
            return TradePost.Lost(ex.Message);
        }

        if (TryDeserialize(exchange.Body, MetaApiJsonContext.Default.TradeResponseDto, out var answer) && answer.NumericCode is not null)
        {
            return TradePost.Answered(answer);
        }

        if (exchange.Status >= 500 || exchange.Status is >= 200 and < 300)
        {
            // A 5xx may come after the terminal executed; a 2xx without a result code says nothing either.
            return TradePost.Lost(Describe(exchange, "POST", "trade"));
        }

        return TradePost.Refused(exchange.Status, Describe(exchange, "POST", "trade"), RetryAfter(exchange));
    }

    /// <summary>Replaces the token wherever it occurs in <paramref name="text"/>.</summary>
    public string Redact(string text) =>
        _options.Token.Length == 0 ? text : text.Replace(_options.Token, "***", StringComparison.Ordinal);

    private async Task<T?> ReadAsync<T>(HttpMethod method, string path, byte[]? body, JsonTypeInfo<T> type, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            string problem;
            TimeSpan wait = delay;
            try
            {
                var exchange = await SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
                if (exchange.Status is >= 200 and < 300)
                {
                    return TryDeserialize(exchange.Body, type, out var value)
                        ? value
                        : throw Fail(method, path, $"MetaApi answered {method} /{_accountPath}{path} with a body this connector cannot read.", isTransient: false);
                }

                if (notFoundIsNull && exchange.Status == (int)HttpStatusCode.NotFound)
                {
                    return default;
                }

                problem = Describe(exchange, method.Method, path);
                if (exchange.Status == 429)
                {
                    wait = RetryAfter(exchange) ?? delay;
                    if (wait > _options.MaxRetryAfter || attempt >= _options.ReadAttempts)
                    {
                        throw Fail(method, path, problem, isTransient: true);
                    }
                }
                else if (exchange.Status < 500 && exchange.Status != (int)HttpStatusCode.RequestTimeout)
                {
                    throw Fail(method, path, problem, isTransient: false);
                }
            }
            catch (MetaApiTransportException ex)
            {
                problem = ex.Message;
            }

            if (attempt >= _options.ReadAttempts)
            {
                throw Fail(method, path, problem, isTransient: true);
            }

            Log.RequestRetried(_logger, method.Method, path, attempt, problem, (long)wait.TotalMilliseconds);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            delay *= 2;
        }
    }

    private GatewayUnavailableException Fail(HttpMethod method, string path, string problem, bool isTransient)
    {
        Log.RequestFailed(_logger, method.Method, path, problem);
        return new GatewayUnavailableException(problem, isTransient);
    }

    /// <summary>One HTTP exchange with the request deadline; transport failures become <see cref="MetaApiTransportException"/>.</summary>
    private async Task<Exchange> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseUrl, _accountPath + path));
        request.Headers.TryAddWithoutValidation(TokenHeader, _options.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var deadline = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            Volatile.Write(ref _reachable, status < 500 ? 1 : 0);
            return new Exchange(status, bytes, response.Headers.RetryAfter);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Volatile.Write(ref _reachable, 0);
            throw new MetaApiTransportException(string.Create(CultureInfo.InvariantCulture,
                $"MetaApi did not answer {method} /{_accountPath}{path} within {_options.RequestTimeout.TotalSeconds:0.###} s."));
        }
        catch (HttpRequestException ex)
        {
            Volatile.Write(ref _reachable, 0);
            throw new MetaApiTransportException(Redact($"MetaApi cannot be reached ({method} /{_accountPath}{path}): {ex.Message}"));
        }
    }

    private string Describe(Exchange exchange, string method, string path)
    {
        TryDeserialize(exchange.Body, MetaApiJsonContext.Default.ErrorDto, out var error);
        var name = error?.Error is { Length: > 0 } e ? " " + e : "";
        var said = error?.Message is { Length: > 0 } m ? ": " + m : "";
        var details = error?.Details is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } d ? " " + d.GetRawText() : "";
        var where = $"{method} /{_accountPath}{path}";
        var text = exchange.Status switch
        {
            401 => $"MetaApi rejected the API token (HTTP 401{name}) for {where}{said}. Check metaapi.token or {MetaApiOptions.TokenEnvironmentVariable}.",
            403 => $"MetaApi refused access (HTTP 403{name}) for {where}{said}.",
            404 => $"MetaApi found nothing at {where} (HTTP 404{name}){said}. Check metaapi.account_id and that the account is deployed; for a symbol, that this broker defines it.",
            400 => $"MetaApi refused {where} as invalid (HTTP 400{name}){said}{details}.",
            429 => string.Create(CultureInfo.InvariantCulture,
                $"MetaApi's rate limit was reached (HTTP 429{name}) for {where}{said}. Retry after {(RetryAfter(exchange) ?? TimeSpan.Zero).TotalSeconds:0.#} s."),
            _ => string.Create(CultureInfo.InvariantCulture, $"MetaApi answered {where} with HTTP {exchange.Status}{name}{said}."),
        };
        return Redact(text);
    }

    /// <summary>The Retry-After header (seconds or a date), else the body's <c>recommendedRetryTime</c>.</summary>
    private TimeSpan? RetryAfter(Exchange exchange)
    {
        var now = _time.GetUtcNow();
        if (exchange.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (exchange.RetryAfter?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        return TryDeserialize(exchange.Body, MetaApiJsonContext.Default.ErrorDto, out var error) && error.Metadata?.RecommendedRetryTime is { } at
            ? at > now ? at - now : TimeSpan.Zero
            : null;
    }

    private static bool TryDeserialize<T>(byte[] body, JsonTypeInfo<T> type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
    {
        value = default;
        if (body.Length == 0)
        {
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize(body, type);
            return value is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private readonly record struct Exchange(int Status, byte[] Body, RetryConditionHeaderValue? RetryAfter);
}

/// <summary>What became of one trade POST.</summary>
/// <param name="Answer">MetaApi's trade result, when it sent one.</param>
/// <param name="Status">The HTTP status of a refusal; 0 otherwise.</param>
/// <param name="Problem">What went wrong, in words (no token).</param>
/// <param name="RetryAfter">How long MetaApi asked to wait (429).</param>
/// <param name="IsLost">Whether the outcome is unknown: a timeout, a dropped link or a 5xx.</param>
internal readonly record struct TradePost(TradeResponseDto? Answer, int Status, string Problem, TimeSpan? RetryAfter, bool IsLost)
{
    public static TradePost Answered(TradeResponseDto answer) => new(answer, 0, "", null, false);

    public static TradePost Refused(int status, string problem, TimeSpan? retryAfter) => new(null, status, problem, retryAfter, false);

    public static TradePost Lost(string problem) => new(null, 0, problem, null, true);
}

/// <summary>A request got no HTTP answer (deadline, connection failure).</summary>
internal sealed class MetaApiTransportException(string message) : Exception(message);
