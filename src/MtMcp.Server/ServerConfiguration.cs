using System.Text.Json;

namespace MtMcp.Server;

/// <summary>
/// The server's part of the JSON configuration file: <c>server.mode</c>, <c>server.toolsets</c>,
/// <c>server.allowed_origins</c>, <c>server.allowed_hosts</c>, <c>server.update_interval_ms</c>, <c>server.auth</c>,
/// <c>trading.live.enabled</c>, <c>trading.live.real_accounts</c>, <c>trading.confirmation.above_lots</c>, <c>bridge.*</c>
/// (<c>listen</c>, <c>token</c>, <c>tls.certificate</c>, <c>tls.password</c>) and <c>metaapi.*</c> (<c>account_id</c>,
/// <c>token</c>, <c>name</c>, <c>base_url</c>, <c>quote_poll_ms</c>). Other sections belong to other readers and are ignored.
/// </summary>
/// <param name="Mode">The configured mode, or null.</param>
/// <param name="Toolsets">The configured toolsets, or null.</param>
/// <param name="AllowedOrigins">Extra browser origins allowed on HTTP.</param>
/// <param name="LiveTradingEnabled">Whether <c>trading.live.enabled</c> is true.</param>
public sealed record ServerConfiguration(ServerMode? Mode, IReadOnlyList<string>? Toolsets, IReadOnlyList<string> AllowedOrigins, bool LiveTradingEnabled)
{
    /// <summary>No configuration.</summary>
    public static ServerConfiguration Empty { get; } = new(null, null, [], false);

    /// <summary>Extra host names the HTTP server answers (<c>server.allowed_hosts</c>).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>The throttle of change notifications (<c>server.update_interval_ms</c>), or null for the default.</summary>
    public TimeSpan? UpdateInterval { get; init; }

    /// <summary>HTTP authentication (<c>server.auth</c>).</summary>
    public HttpAuthSettings Auth { get; init; } = HttpAuthSettings.None;

    /// <summary>Orders above this many lots need the user's confirmation (<c>trading.confirmation.above_lots</c>), or null.</summary>
    public decimal? ConfirmAboveLots { get; init; }

    /// <summary>The bridge's listen address (<c>bridge.listen</c>), or null for the default.</summary>
    public string? BridgeListen { get; init; }

    /// <summary>The bridge token (<c>bridge.token</c>), or null (then <c>MTMCP_BRIDGE_TOKEN</c> may supply it).</summary>
    public string? BridgeToken { get; init; }

    /// <summary>The bridge's TLS certificate file (<c>bridge.tls.certificate</c>, relative to the configuration file), or null.</summary>
    public string? BridgeCertificate { get; init; }

    /// <summary>The password of the PKCS#12 certificate file (<c>bridge.tls.password</c>), or null.</summary>
    public string? BridgeCertificatePassword { get; init; }

    /// <summary>Full paths of the C# strategy assemblies the tools may load (<c>strategies.assemblies</c>, relative to the file's folder).</summary>
    public IReadOnlyList<string> StrategyAssemblies { get; init; } = [];

    /// <summary>Whether REAL accounts may trade in live mode (<c>trading.live.real_accounts</c>).</summary>
    public bool RealAccountsEnabled { get; init; }

    /// <summary>The MetaApi account (<c>metaapi.*</c>), or null when <c>metaapi.account_id</c> is not set.</summary>
    public MetaApiConfiguration? MetaApi { get; init; }

    /// <summary>Parses a mode name: <c>read_only</c>, <c>paper</c> or <c>live</c> (case-insensitive; <c>readonly</c> and <c>read-only</c> too).</summary>
    /// <exception cref="ArgumentException">Not a mode; the message lists them.</exception>
    public static ServerMode ParseMode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "read_only" or "readonly" or "read-only" => ServerMode.ReadOnly,
            "paper" => ServerMode.Paper,
            "live" => ServerMode.Live,
            _ => throw new ArgumentException($"Unknown mode '{text}'; use read_only, paper or live.", nameof(text)),
        };
    }

    /// <summary>Reads the server settings of the configuration file at <paramref name="path"/> (comments and trailing commas allowed).</summary>
    /// <exception cref="InvalidDataException">The file is not JSON or a server setting has the wrong type or value; the message names the file and key.</exception>
    public static ServerConfiguration Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({error.Message}).", error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: the configuration must be a JSON object.");
            }

            ServerMode? mode = null;
            IReadOnlyList<string>? toolsets = null;
            IReadOnlyList<string> origins = [];
            var live = false;
            IReadOnlyList<string> hosts = [];
            TimeSpan? interval = null;
            var auth = HttpAuthSettings.None;
            decimal? confirmAbove = null;
            if (root.TryGetProperty("server", out var server))
            {
                Expect(path, "server", server, JsonValueKind.Object);
                if (server.TryGetProperty("mode", out var m))
                {
                    Expect(path, "server.mode", m, JsonValueKind.String);
                    mode = Guard(path, "server.mode", () => ParseMode(m.GetString()!));
                }

                if (server.TryGetProperty("toolsets", out var t))
                {
                    toolsets = t.ValueKind == JsonValueKind.String
                        ? Guard(path, "server.toolsets", () => Server.Toolsets.Parse(t.GetString()!))
                        : Guard(path, "server.toolsets", () => Server.Toolsets.Parse(string.Join(',', Strings(path, "server.toolsets", t))));
                }

                if (server.TryGetProperty("allowed_origins", out var o))
                {
                    origins = Strings(path, "server.allowed_origins", o);
                }

                if (server.TryGetProperty("allowed_hosts", out var h))
                {
                    hosts = Strings(path, "server.allowed_hosts", h);
                }

                if (server.TryGetProperty("update_interval_ms", out var u))
                {
                    interval = TimeSpan.FromMilliseconds(Number(path, "server.update_interval_ms", u, 10, 60_000));
                }

                if (server.TryGetProperty("auth", out var a))
                {
                    auth = ReadAuth(path, a);
                }
            }

            if (root.TryGetProperty("trading", out var trading) && trading.ValueKind == JsonValueKind.Object
                && trading.TryGetProperty("live", out var liveSection) && liveSection.ValueKind == JsonValueKind.Object
                && liveSection.TryGetProperty("enabled", out var enabled))
            {
                if (enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new InvalidDataException($"{path}: {ServerSettings.LiveEnabledKey} must be true or false.");
                }

                live = enabled.GetBoolean();
            }

            if (root.TryGetProperty("trading", out var tradingSection) && tradingSection.ValueKind == JsonValueKind.Object
                && tradingSection.TryGetProperty("confirmation", out var confirmation))
            {
                Expect(path, "trading.confirmation", confirmation, JsonValueKind.Object);
                if (confirmation.TryGetProperty("above_lots", out var above) && above.ValueKind != JsonValueKind.Null)
                {
                    confirmAbove = (decimal)Number(path, "trading.confirmation.above_lots", above, 0, 1_000_000);
                }
            }

            var realAccounts = false;
            if (root.TryGetProperty("trading", out var liveTrading) && liveTrading.ValueKind == JsonValueKind.Object
                && liveTrading.TryGetProperty("live", out var liveOptions) && liveOptions.ValueKind == JsonValueKind.Object
                && liveOptions.TryGetProperty("real_accounts", out var real))
            {
                if (real.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new InvalidDataException($"{path}: trading.live.real_accounts must be true or false.");
                }

                realAccounts = real.GetBoolean();
            }

            string? bridgeListen = null, bridgeToken = null, certificate = null, certificatePassword = null;
            if (root.TryGetProperty("bridge", out var bridge))
            {
                Expect(path, "bridge", bridge, JsonValueKind.Object);
                bridgeListen = bridge.TryGetProperty("listen", out _) ? Text(path, "bridge.listen", bridge, "listen") : null;
                bridgeToken = bridge.TryGetProperty("token", out _) ? Text(path, "bridge.token", bridge, "token") : null;
                if (bridge.TryGetProperty("tls", out var tls))
                {
                    Expect(path, "bridge.tls", tls, JsonValueKind.Object);
                    certificate = Path.GetFullPath(Text(path, "bridge.tls.certificate", tls, "certificate"), Path.GetDirectoryName(Path.GetFullPath(path))!);
                    certificatePassword = tls.TryGetProperty("password", out _) ? Text(path, "bridge.tls.password", tls, "password") : null;
                }
            }

            var metaApi = root.TryGetProperty("metaapi", out var metaApiSection) ? ReadMetaApi(path, metaApiSection) : null;

            IReadOnlyList<string> assemblies = [];
            if (root.TryGetProperty("strategies", out var strategies))
            {
                Expect(path, "strategies", strategies, JsonValueKind.Object);
                if (strategies.TryGetProperty("assemblies", out var list))
                {
                    assemblies = AssemblyPaths(path, list);
                }
            }

            return new ServerConfiguration(mode, toolsets, origins, live)
            {
                StrategyAssemblies = assemblies,
                BridgeListen = bridgeListen,
                BridgeToken = bridgeToken,
                BridgeCertificate = certificate,
                BridgeCertificatePassword = certificatePassword,
                RealAccountsEnabled = realAccounts,
                AllowedHosts = hosts,
                UpdateInterval = interval,
                Auth = auth,
                ConfirmAboveLots = confirmAbove,
                MetaApi = metaApi,
            };
        }
    }

    private static Uri AbsoluteUrl(string path, string key, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new InvalidDataException($"{path}: {key} '{text}' is not an absolute http(s) address such as https://mt-client-api-v1.new-york.agiliumtrade.ai/.");

    private static MetaApiConfiguration? ReadMetaApi(string path, JsonElement section)
    {
        Expect(path, "metaapi", section, JsonValueKind.Object);
        if (!section.TryGetProperty("account_id", out _))
        {
            return section.EnumerateObject().Any()
                ? throw new InvalidDataException($"{path}: metaapi needs metaapi.account_id (the account's id in the MetaApi web app, a UUID) to connect.")
                : null;
        }

        return new MetaApiConfiguration(Text(path, "metaapi.account_id", section, "account_id"))
        {
            Token = section.TryGetProperty("token", out _) ? Text(path, "metaapi.token", section, "token") : null,
            Name = section.TryGetProperty("name", out _) ? Text(path, "metaapi.name", section, "name") : null,
            BaseUrl = section.TryGetProperty("base_url", out _) ? AbsoluteUrl(path, "metaapi.base_url", Text(path, "metaapi.base_url", section, "base_url")) : null,
            QuotePollInterval = section.TryGetProperty("quote_poll_ms", out var poll)
                ? TimeSpan.FromMilliseconds(Number(path, "metaapi.quote_poll_ms", poll, 100, 60_000))
                : null,
        };
    }

    private static HttpAuthSettings ReadAuth(string path, JsonElement auth)
    {
        Expect(path, "server.auth", auth, JsonValueKind.Object);
        var perMinute = auth.TryGetProperty("requests_per_minute", out var r) ? (int)Number(path, "server.auth.requests_per_minute", r, 1, 1_000_000) : 1200;
        var keys = new List<ApiKeySettings>();
        if (auth.TryGetProperty("api_keys", out var list))
        {
            Expect(path, "server.auth.api_keys", list, JsonValueKind.Array);
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var key = $"server.auth.api_keys[{i++}]";
                Expect(path, key, item, JsonValueKind.Object);
                var name = Text(path, key + ".name", item, "name");
                var hash = Text(path, key + ".sha256", item, "sha256");
                byte[] bytes;
                try
                {
                    bytes = Convert.FromHexString(hash);
                }
                catch (FormatException)
                {
                    bytes = [];
                }

                if (bytes.Length != 32)
                {
                    throw new InvalidDataException($"{path}: {key}.sha256 must be the 64 hex digits of the key's SHA-256 hash (printf %s KEY | sha256sum prints it), never the key itself.");
                }

                var scopes = item.TryGetProperty("scopes", out var s) ? Strings(path, key + ".scopes", s) : [HttpScopes.Read];
                foreach (var scope in scopes)
                {
                    if (!HttpScopes.IsKnown(scope))
                    {
                        throw new InvalidDataException($"{path}: {key}.scopes: '{scope}' is not a scope; use {HttpScopes.Read}, {HttpScopes.Trade} or {HttpScopes.Admin}.");
                    }
                }

                int? limit = item.TryGetProperty("requests_per_minute", out var l) ? (int)Number(path, key + ".requests_per_minute", l, 1, 1_000_000) : null;
                if (keys.Exists(k => k.Name.Equals(name, StringComparison.Ordinal)))
                {
                    throw new InvalidDataException($"{path}: {key}.name '{name}' is used by another key; key names must be unique.");
                }

                keys.Add(new ApiKeySettings(name, bytes, [.. scopes.Select(x => x.ToLowerInvariant())], limit));
            }
        }

        OAuthSettings? oauth = null;
        if (auth.TryGetProperty("oauth", out var o))
        {
            Expect(path, "server.auth.oauth", o, JsonValueKind.Object);
            var issuer = Text(path, "server.auth.oauth.issuer", o, "issuer");
            var audience = Text(path, "server.auth.oauth.audience", o, "audience");
            if (!Uri.TryCreate(issuer, UriKind.Absolute, out _) || !Uri.TryCreate(audience, UriKind.Absolute, out _))
            {
                throw new InvalidDataException($"{path}: server.auth.oauth.issuer and .audience must be absolute URLs (the audience is this server's /mcp URL).");
            }

            string? jwks = null;
            if (o.TryGetProperty("jwks_file", out var j))
            {
                Expect(path, "server.auth.oauth.jwks_file", j, JsonValueKind.String);
                jwks = Path.GetFullPath(j.GetString()!, Path.GetDirectoryName(Path.GetFullPath(path))!);
            }

            oauth = new OAuthSettings(issuer, audience, jwks);
        }

        return new HttpAuthSettings { ApiKeys = keys, OAuth = oauth, RequestsPerMinute = perMinute };
    }

    // Each path is resolved against the configuration file's folder and must exist now: a typo surfaces at start-up.
    private static string[] AssemblyPaths(string path, JsonElement list)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var paths = Strings(path, "strategies.assemblies", list);
        for (var i = 0; i < paths.Length; i++)
        {
            var full = Path.GetFullPath(paths[i], folder);
            if (!full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || !File.Exists(full))
            {
                throw new InvalidDataException($"{path}: strategies.assemblies[{i}] must name an existing .dll file; {full} is not one.");
            }

            paths[i] = full;
        }

        return paths;
    }

    private static string Text(string path, string key, JsonElement parent, string property)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new InvalidDataException($"{path}: {key} is required (a non-empty string).");
        }

        return value.GetString()!;
    }

    private static double Number(string path, string key, JsonElement value, double min, double max)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var n) || n < min || n > max)
        {
            throw new InvalidDataException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}: {key} must be a number from {min} to {max}."));
        }

        return n;
    }

    private static string[] Strings(string path, string key, JsonElement value)
    {
        Expect(path, key, value, JsonValueKind.Array);
        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            Expect(path, key + "[]", item, JsonValueKind.String);
            items.Add(item.GetString()!);
        }

        return [.. items];
    }

    private static void Expect(string path, string key, JsonElement value, JsonValueKind kind)
    {
        if (value.ValueKind != kind)
        {
            throw new InvalidDataException($"{path}: {key} must be a JSON {kind.ToString().ToLowerInvariant()}, not {value.ValueKind.ToString().ToLowerInvariant()}.");
        }
    }

    private static T Guard<T>(string path, string key, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{path}: {key}: {error.Message.Split(" (Parameter", 2)[0]}", error);
        }
    }
}

/// <summary>The <c>metaapi</c> section of the configuration file.</summary>
/// <param name="AccountId">The MetaApi account id (<c>metaapi.account_id</c>).</param>
public sealed record MetaApiConfiguration(string AccountId)
{
    /// <summary>The API token (<c>metaapi.token</c>), or null (then <c>METAAPI_TOKEN</c> must supply it). Never logged.</summary>
    public string? Token { get; init; }

    /// <summary>The name the server lists the account under (<c>metaapi.name</c>), or null for <c>metaapi-</c> and the id's start.</summary>
    public string? Name { get; init; }

    /// <summary>The client API's region address (<c>metaapi.base_url</c>), or null for the default region.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>How often subscribed symbols' prices are polled (<c>metaapi.quote_poll_ms</c>, 100–60,000), or null for 1 s.</summary>
    public TimeSpan? QuotePollInterval { get; init; }

    /// <summary>The redacted form: the token is never shown.</summary>
    public override string ToString() => $"MetaApiConfiguration {{ AccountId = {AccountId}, Token = ***, Name = {Name}, BaseUrl = {BaseUrl} }}";
}
