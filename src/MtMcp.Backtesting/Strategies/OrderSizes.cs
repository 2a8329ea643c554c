namespace MtMcp.Backtesting;

/// <summary>Order size conventions.</summary>
public static class OrderSizes
{
    /// <summary>backtesting.py's default size <c>1 − ε</c> (machine epsilon): all the available margin.</summary>
    public const double AllAvailable = 1 - 2.220446049250313e-16;
}
