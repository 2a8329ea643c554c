namespace MtMcp.Indicators;

/// <summary>
/// The rolling sum of SUM and SMA in TA-Lib's order: add the newest, report, then drop the oldest. SMA reports
/// the total divided by the period, SUM divided by 1 (exact, so the same bits as the bare total).
/// </summary>
internal struct RollingSum(double divisor) : ISlidingKernel
{
    private double _sum;

    public void Add(double x) => _sum += x;

    public double Step(double newest, double oldest)
    {
        var total = _sum + newest;
        _sum = total - oldest;
        return total / divisor;
    }
}
