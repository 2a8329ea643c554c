using MtMcp.Domain;
using MtMcp.Indicators;
using MtMcp.Server.Tools;

namespace MtMcp.Server.Analysis;

/// <summary>
/// The price columns of a bar array, split once so that several indicators run over the same bars without copying
/// them again (analyze_market runs a dozen per timeframe).
/// </summary>
internal sealed class IndicatorBars
{
    private readonly long[] _time;
    private readonly double[] _open;
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly double[] _close;
    private readonly double[] _volume;

    public IndicatorBars(Bar[] bars)
    {
        var n = bars.Length;
        (_time, _open, _high, _low, _close, _volume) = (new long[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            (_time[i], _open[i], _high[i], _low[i], _close[i], _volume[i]) = (bars[i].Time, bars[i].Open, bars[i].High, bars[i].Low, bars[i].Close, bars[i].TickVolume);
        }
    }

    /// <summary>Number of bars.</summary>
    public int Length => _time.Length;

    /// <summary>Runs <paramref name="indicator"/> with <paramref name="parameters"/>: one array per output, NaN in the warm-up.</summary>
    /// <exception cref="ToolErrorException">NO_DATA: the indicator cannot run on these bars.</exception>
    public double[][] Run(Indicator indicator, IndicatorParameters parameters, PriceSource first = PriceSource.Close, PriceSource second = PriceSource.Open)
    {
        var real0 = new double[Length];
        var real1 = new double[Length];
        PriceSources.Fill(first, _open, _high, _low, _close, _volume, real0);
        PriceSources.Fill(second, _open, _high, _low, _close, _volume, real1);
        try
        {
            return indicator.Compute(new IndicatorInputs { Time = _time, Open = _open, High = _high, Low = _low, Close = _close, Volume = _volume, Real0 = real0, Real1 = real1 }, parameters);
        }
        catch (IndicatorException error)
        {
            throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData, UntrustedText.Clean(error.Message, 600), Retryable: false, "count"));
        }
    }

    /// <summary>
    /// Runs the registry indicator <paramref name="name"/> on the closes with the given parameters (the rest at their
    /// defaults); all NaN when the bars do not reach past its warm-up.
    /// </summary>
    public double[][] Run(string name, params ReadOnlySpan<(string Name, double Value)> parameters)
    {
        var indicator = IndicatorRegistry.Get(name);
        var pairs = new KeyValuePair<string, string>[parameters.Length];
        for (var k = 0; k < parameters.Length; k++)
        {
            pairs[k] = KeyValuePair.Create(parameters[k].Name, parameters[k].Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }

        var bound = IndicatorParameters.Bind(indicator.Info, pairs);
        if (Length > indicator.LookbackOf(bound))
        {
            return Run(indicator, bound);
        }

        var empty = new double[indicator.Info.Outputs.Count][];
        for (var k = 0; k < empty.Length; k++)
        {
            empty[k] = new double[Length];
            Array.Fill(empty[k], double.NaN);
        }

        return empty;
    }

    /// <summary>
    /// Where the candlestick <paramref name="patterns"/> (at their defaults) fire on the bars from <paramref name="first"/>
    /// on, newest first and by name; patterns whose warm-up the bars do not pass are left out.
    /// </summary>
    public List<PatternHit> PatternHits(IEnumerable<Indicator> patterns, int first)
    {
        var hits = new List<PatternHit>();
        foreach (var indicator in patterns)
        {
            var defaults = IndicatorParameters.Defaults(indicator.Info);
            if (Length <= indicator.LookbackOf(defaults))
            {
                continue;
            }

            var signal = Run(indicator, defaults)[0];
            for (var i = first; i < Length; i++)
            {
                if (double.IsFinite(signal[i]) && signal[i] != 0)
                {
                    hits.Add(new PatternHit(Args.FormatSeconds(_time[i]), indicator.Name, indicator.Info.Title, (int)signal[i], signal[i] > 0 ? "bullish" : "bearish"));
                }
            }
        }

        hits.Sort((a, b) => string.CompareOrdinal(b.Time, a.Time) is var byTime and not 0 ? byTime : string.CompareOrdinal(a.Name, b.Name));
        return hits;
    }
}
