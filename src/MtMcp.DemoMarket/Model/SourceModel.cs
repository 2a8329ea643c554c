namespace MtMcp.DemoMarket.Model;

/// <summary>
/// A source of random price moves with unit annual variance: a common factor (<c>USD</c>, <c>RISK</c>)
/// or one driver's own moves (<c>EUR~</c>). Each has its own random stream, so sources never interfere.
/// </summary>
/// <param name="Name">Stream name.</param>
/// <param name="Index">Position in <see cref="MarketModel.Sources"/>.</param>
/// <param name="StreamSeed">Seed of the source's sequential stream.</param>
/// <param name="MinuteStd">Per minute of the week: standard deviation of the diffusive move over that minute.</param>
/// <param name="JumpProbability">Per minute of the week: probability of a jump within that minute.</param>
/// <param name="JumpStd">Standard deviation of one jump.</param>
internal sealed record SourceModel(string Name, int Index, ulong StreamSeed, double[] MinuteStd, double[] JumpProbability, double JumpStd)
{
    /// <summary>The tables of a source whose moves follow <paramref name="profile"/>.</summary>
    public static (double[] MinuteStd, double[] JumpProbability, double JumpStd) Tables(ActivityProfile profile)
    {
        var rate = Seasonality.VarianceRate(profile);
        var minuteStd = new double[rate.Length];
        var jumpProbability = new double[rate.Length];
        const double Dt = 1 / ModelParameters.MinutesPerYear;
        for (var w = 0; w < rate.Length; w++)
        {
            minuteStd[w] = Math.Sqrt((1 - ModelParameters.JumpVarianceShare) * Dt * rate[w]);
            jumpProbability[w] = ModelParameters.JumpsPerYear * Dt * rate[w];
        }

        return (minuteStd, jumpProbability, Math.Sqrt(ModelParameters.JumpVarianceShare / ModelParameters.JumpsPerYear));
    }
}
