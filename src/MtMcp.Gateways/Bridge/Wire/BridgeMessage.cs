using System.Text.Json;

namespace MtMcp.Gateways.Bridge.Wire;

/// <summary>An incoming protocol line (bridge-protocol.md §3). <see cref="Data"/> is parsed per type and op.</summary>
internal sealed record BridgeMessage
{
    public int V { get; init; }

    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Re { get; init; }

    public string? Op { get; init; }

    public long? Seq { get; init; }

    public int? DeadlineMs { get; init; }

    public long? Ts { get; init; }

    public bool? Ok { get; init; }

    public JsonElement Data { get; init; }

    public WireError? Error { get; init; }
}

/// <summary>The <c>error</c> object of a failed response or an <c>error</c> message.</summary>
internal sealed record WireError
{
    public string Code { get; init; } = "";

    public string Message { get; init; } = "";

    public int? MqlError { get; init; }
}
