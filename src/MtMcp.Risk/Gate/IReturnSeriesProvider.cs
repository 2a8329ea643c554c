namespace MtMcp.Risk;

/// <summary>
/// Return series per symbol for the correlation check and the portfolio risk: one return per period (daily log
/// returns of closes, for example), all series aligned on the same last period (the last element is the most recent).
/// </summary>
/// <remarks>Implementations are thread-safe. <see cref="Version"/> changes whenever any series changes, so callers can cache.</remarks>
public interface IReturnSeriesProvider
{
    /// <summary>Changes whenever a series changes.</summary>
    long Version { get; }

    /// <summary>The returns of <paramref name="symbol"/>, oldest first; false when there is none.</summary>
    bool TryGetReturns(string symbol, out ReadOnlyMemory<double> returns);
}
