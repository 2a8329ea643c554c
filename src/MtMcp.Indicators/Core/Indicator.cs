namespace MtMcp.Indicators;

/// <summary>Computes an indicator over whole series into <paramref name="outputs"/>.</summary>
/// <param name="inputs">The input series, all of length n.</param>
/// <param name="parameters">Validated parameters.</param>
/// <param name="outputs">
/// n × output-count values, output k at [k·n, (k+1)·n); the caller fills it with NaN first, the
/// function writes from the lookback on.
/// </param>
public delegate void BatchCompute(scoped in IndicatorInputs inputs, IndicatorParameters parameters, Span<double> outputs);

/// <summary>
/// One indicator: its metadata, warm-up length, batch form and streaming form. The registry holds one per
/// name; the typed static classes (<c>Sma</c>, <c>Rsi</c>, ...) are the fast entry points for code.
/// </summary>
/// <param name="Info">Metadata.</param>
/// <param name="LookbackOf">Number of leading bars without a value, for given parameters (TA-Lib's lookback).</param>
/// <param name="Batch">The batch computation.</param>
/// <param name="Stream">Creates a streaming instance.</param>
public sealed record Indicator(
    IndicatorInfo Info,
    Func<IndicatorParameters, int> LookbackOf,
    BatchCompute Batch,
    Func<IndicatorParameters, IStreamingIndicator> Stream)
{
    /// <summary>The indicator's name.</summary>
    public string Name => Info.Name;

    /// <summary>
    /// Computes the indicator over <paramref name="inputs"/>, checking them first. Returns one array per output,
    /// aligned with the input bars, NaN during the warm-up.
    /// </summary>
    /// <exception cref="IndicatorException">A declared input is missing, of the wrong length or holds NaN, or the data is shorter than the warm-up.</exception>
    public double[][] Compute(scoped in IndicatorInputs inputs, IndicatorParameters parameters)
    {
        var length = CheckInputs(inputs);
        var lookback = LookbackOf(parameters);
        if (length <= lookback)
        {
            throw new IndicatorException(
                $"{Name} with {parameters} needs at least {lookback + 1} bars (its warm-up is {lookback}); the data has {length}. "
                + "Use more bars or shorter periods.",
                Info.Parameters.Count > 0 ? Info.Parameters[0].Name : null);
        }

        var buffer = new double[length * Info.Outputs.Count];
        buffer.AsSpan().Fill(double.NaN);
        Batch(inputs, parameters, buffer);

        var outputs = new double[Info.Outputs.Count][];
        for (var k = 0; k < outputs.Length; k++)
        {
            outputs[k] = buffer.AsSpan(k * length, length).ToArray();
        }

        return outputs;
    }

    /// <summary>A streaming instance with <paramref name="parameters"/>.</summary>
    public IStreamingIndicator CreateStream(IndicatorParameters parameters) => Stream(parameters);

    private int CheckInputs(scoped in IndicatorInputs inputs)
    {
        var length = -1;
        foreach (var series in Info.Inputs)
        {
            if (series == InputSeries.Time)
            {
                if (length >= 0 && inputs.Time.Length != length)
                {
                    throw new IndicatorException($"{Name}: input time has {inputs.Time.Length} values, the others {length}.", "time");
                }

                continue;
            }

            var values = inputs.Get(series);
            if (length < 0)
            {
                length = values.Length;
            }
            else if (values.Length != length)
            {
                throw new IndicatorException($"{Name}: input {SeriesName(series)} has {values.Length} values, the others {length}.", SeriesName(series));
            }

            var nan = values.IndexOf(double.NaN);
            if (nan < 0)
            {
                nan = IndexOfNonFinite(values);
            }

            if (nan >= 0)
            {
                throw new IndicatorException($"{Name}: input {SeriesName(series)} holds {values[nan]} at bar {nan}; inputs must be finite numbers.", SeriesName(series));
            }
        }

        return Math.Max(length, 0);
    }

    private static int IndexOfNonFinite(ReadOnlySpan<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string SeriesName(InputSeries series) => series.ToString().ToLowerInvariant();
}
