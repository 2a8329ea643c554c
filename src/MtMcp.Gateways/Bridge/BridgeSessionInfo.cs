namespace MtMcp.Gateways.Bridge;

/// <summary>What an EA announced in its <c>hello</c> (the token is not kept).</summary>
public sealed record BridgeSessionInfo
{
    /// <summary>Platform, server and login.</summary>
    public required BridgeAccountKey Key { get; init; }

    /// <summary>The account as announced (balances come from <c>account.info</c>).</summary>
    public required AccountInfo Account { get; init; }

    /// <summary>The EA's version string.</summary>
    public string EaVersion { get; init; } = "";

    /// <summary>The terminal build.</summary>
    public int TerminalBuild { get; init; }

    /// <summary>Capabilities (<c>ticks</c>, <c>book</c>, <c>trade</c>, <c>history</c>, <c>calc</c>, <c>trade_tx</c>).</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>Broker server time minus UTC at connect.</summary>
    public TimeSpan ServerTimeOffset { get; init; }
}
