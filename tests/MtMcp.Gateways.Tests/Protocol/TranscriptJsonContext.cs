using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtMcp.Gateways.Tests.Protocol;

/// <summary>Lets the replay send a transcript's request data verbatim through <see cref="BridgeSession.RequestAsync{TData}"/>.</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class TranscriptJsonContext : JsonSerializerContext;
