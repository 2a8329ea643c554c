namespace MtMcp.DemoMarket.Model;

/// <summary>A driver as the generators use it: its log start value and its weights on the sources.</summary>
/// <param name="Name">Asset code or instrument name.</param>
/// <param name="Index">Position in <see cref="MarketModel.Drivers"/>.</param>
/// <param name="StartLog">Natural log of the start value.</param>
/// <param name="Sources">Indices of the sources the driver loads on.</param>
/// <param name="Weights">Volatility × loading per entry of <paramref name="Sources"/>: the log move per unit source move.</param>
/// <param name="MinuteVariance">Per minute of the week: variance of the diffusive log move over that minute.</param>
/// <param name="BridgeSeed">Seed of the per-minute streams that fill in the path between minute boundaries.</param>
internal sealed record DriverModel(
    string Name, int Index, double StartLog, int[] Sources, double[] Weights, double[] MinuteVariance, ulong BridgeSeed);
