using System.Collections.Frozen;
using System.Text.Json;

namespace MtMcp.Risk;

/// <summary>
/// The risk configuration: global limits and per-account overrides, read from the product's configuration JSON
/// (<c>risk_management</c>, <c>compliance</c>, <c>position_limits</c>; other sections are ignored). Immutable: a reload
/// builds a new one. Keys, defaults and meaning: docs/risk.md.
/// </summary>
[Immutable]
public sealed class RiskConfiguration
{
    private RiskConfiguration(RiskLimits global, FrozenDictionary<string, RiskLimits> accounts)
    {
        Global = global;
        Accounts = accounts;
    }

    /// <summary>The safe defaults alone (no configuration file).</summary>
    public static RiskConfiguration Default { get; } = new(new RiskLimits(), FrozenDictionary<string, RiskLimits>.Empty);

    /// <summary>The limits of every account without an override.</summary>
    public RiskLimits Global { get; }

    /// <summary>The resolved limits of the accounts with overrides (<c>risk_management.accounts.NAME</c>), case-insensitive.</summary>
    public FrozenDictionary<string, RiskLimits> Accounts { get; }

    /// <summary>Builds a configuration from resolved limits (tests, and hosts that configure in code).</summary>
    public static RiskConfiguration Create(RiskLimits global, IReadOnlyDictionary<string, RiskLimits>? accounts = null)
    {
        ArgumentNullException.ThrowIfNull(global);
        return new RiskConfiguration(global, (accounts ?? new Dictionary<string, RiskLimits>()).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The limits of <paramref name="account"/>: its override, else the global limits.</summary>
    public RiskLimits For(string account) => Accounts.TryGetValue(account, out var limits) ? limits : Global;

    /// <summary>Reads a configuration document (comments and trailing commas allowed).</summary>
    /// <exception cref="RiskConfigurationException">Any problem; every one is listed with its JSON path.</exception>
    public static RiskConfiguration Parse(string json) =>
        TryParse(json, out var configuration, out var errors) ? configuration : throw new RiskConfigurationException(errors);

    /// <summary>Reads a configuration document; false with every problem (and its JSON path) when it cannot be used.</summary>
    public static bool TryParse(string json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RiskConfiguration? configuration, out IReadOnlyList<RiskConfigurationError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        configuration = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            errors = [new RiskConfigurationError("$", $"not valid JSON: {e.Message}")];
            return false;
        }

        using (document)
        {
            var parser = new RiskConfigurationParser();
            var result = parser.Parse(document.RootElement);
            errors = parser.Errors;
            if (errors.Count > 0)
            {
                return false;
            }

            configuration = new RiskConfiguration(result.Global, result.Accounts.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
            return true;
        }
    }
}
