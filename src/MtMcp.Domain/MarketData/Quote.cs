namespace MtMcp.Domain;

/// <summary>The latest bid and ask of a symbol.</summary>
/// <param name="Bid">Price at which the market buys from you (you sell).</param>
/// <param name="Ask">Price at which the market sells to you (you buy).</param>
/// <param name="TimeMs">Time of the quote, Unix milliseconds UTC.</param>
public readonly record struct Quote(double Bid, double Ask, long TimeMs)
{
    /// <summary>Midpoint of bid and ask.</summary>
    public double Mid => (Bid + Ask) / 2;
}
