namespace MtMcp.Risk;

/// <summary>The outcome of a configuration reload.</summary>
/// <param name="Applied">Whether the new configuration is now in force; false keeps the previous one.</param>
/// <param name="Version">The version in force after the reload (starts at 1, +1 per applied change).</param>
/// <param name="Errors">Every problem found, with its JSON path; empty when applied.</param>
public sealed record RiskReloadResult(bool Applied, long Version, IReadOnlyList<RiskConfigurationError> Errors);
