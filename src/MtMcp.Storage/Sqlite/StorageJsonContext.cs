using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtMcp.Storage.Sqlite;

/// <summary>
/// The JSON columns (account settings, client order results): source-generated, enums by name, decimals and
/// 64-bit integers written exactly, computed properties left out (they are derived again on load).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(AccountSettings))]
[JsonSerializable(typeof(TradeResult))]
[JsonSerializable(typeof(AuditCheckpoint))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
