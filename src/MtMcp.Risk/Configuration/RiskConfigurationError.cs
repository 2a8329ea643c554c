namespace MtMcp.Risk;

/// <summary>One problem in a risk configuration.</summary>
/// <param name="Path">Where, as a JSON path (<c>$.position_limits.symbols.XAUUSD.max_order_volume</c>).</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record RiskConfigurationError(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
