namespace MtMcp.Gateways.Bridge.Wire;

/// <summary><c>hello.data</c>.</summary>
internal sealed record WireHello
{
    public string? Token { get; init; }

    public string? Hmac { get; init; }

    public int Proto { get; init; }

    public string Platform { get; init; } = "";

    public string EaVersion { get; init; } = "";

    public int TerminalBuild { get; init; }

    public WireHelloAccount? Account { get; init; }

    public int ServerTimeOffsetS { get; init; }

    public IReadOnlyList<string> Caps { get; init; } = [];

    public WireLimits? Limits { get; init; }
}

/// <summary><c>hello.data.account</c>.</summary>
internal sealed record WireHelloAccount
{
    public ulong Login { get; init; }

    public string Server { get; init; } = "";

    public string Company { get; init; } = "";

    public string Currency { get; init; } = "";

    public string TradeMode { get; init; } = "";

    public string MarginMode { get; init; } = "";

    public int Leverage { get; init; }
}

/// <summary><c>hello.data.limits</c>.</summary>
internal sealed record WireLimits
{
    public int MaxLine { get; init; }
}

/// <summary><c>welcome.data</c>.</summary>
internal sealed record WireWelcome
{
    public required string ConnId { get; init; }

    public int HeartbeatMs { get; init; }

    public int IdleTimeoutMs { get; init; }

    public int MaxInflight { get; init; }

    public int MaxLine { get; init; }

    public required WireSubscriptions Subscriptions { get; init; }

    public bool TradingEnabled { get; init; }
}

/// <summary>Subscription state (<c>welcome.data.subscriptions</c>, <c>subscribe</c> and <c>unsubscribe</c> data).</summary>
internal sealed record WireSubscriptions
{
    public IReadOnlyList<string> Ticks { get; init; } = [];

    public IReadOnlyList<string> Book { get; init; } = [];

    public IReadOnlyList<WireBarSubscription> Bars { get; init; } = [];
}

/// <summary>One bar subscription: symbol and MQL timeframe name (<c>PERIOD_M1</c>).</summary>
internal sealed record WireBarSubscription(string Symbol, string Tf);

/// <summary><c>pong.data</c> from the EA: its health.</summary>
internal sealed record WirePong
{
    public long? Queue { get; init; }

    public long? Dropped { get; init; }

    public bool? TerminalConnected { get; init; }

    public int? ServerTimeOffsetS { get; init; }
}

/// <summary>A request or message without payload.</summary>
internal sealed record WireEmpty;
