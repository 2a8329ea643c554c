using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>What a candle setting measures on a candle (TA-Lib's TA_RangeType).</summary>
internal enum CandleRangeType
{
    /// <summary>|close − open|.</summary>
    RealBody,

    /// <summary>high − low.</summary>
    HighLow,

    /// <summary>Upper plus lower shadow; its average is halved (one shadow).</summary>
    Shadows,
}

/// <summary>
/// One of TA-Lib's candle settings (TA_CandleSetting): what "long", "short", "doji", "near"... mean, as
/// <see cref="Factor"/> times the average of a range over the <see cref="Period"/> candles before the one
/// judged, or times that candle's own range when the period is 0. The values are TA-Lib's defaults
/// (ta_global.c, TA_RestoreCandleDefaultSettings); TA-Lib's patterns are only ever compared at these.
/// </summary>
/// <param name="RangeType">The range averaged.</param>
/// <param name="Period">Candles averaged; 0 means the judged candle's own range.</param>
/// <param name="Factor">Multiple of the average.</param>
internal readonly record struct CandleSetting(CandleRangeType RangeType, int Period, double Factor)
{
    /// <summary>A real body is long when longer than the average body of the previous 10 candles.</summary>
    public static CandleSetting BodyLong { get; } = new(CandleRangeType.RealBody, 10, 1.0);

    /// <summary>
    /// A real body is very long when longer than 3 times the average body of the previous 10 candles (no TA-Lib
    /// pattern reads it; it completes the table).
    /// </summary>
    public static CandleSetting BodyVeryLong { get; } = new(CandleRangeType.RealBody, 10, 3.0);

    /// <summary>A real body is short when shorter than the average body of the previous 10 candles.</summary>
    public static CandleSetting BodyShort { get; } = new(CandleRangeType.RealBody, 10, 1.0);

    /// <summary>A real body is a doji's when no longer than 10 % of the average high–low range of the previous 10 candles.</summary>
    public static CandleSetting BodyDoji { get; } = new(CandleRangeType.HighLow, 10, 0.1);

    /// <summary>A shadow is long when longer than the candle's real body.</summary>
    public static CandleSetting ShadowLong { get; } = new(CandleRangeType.RealBody, 0, 1.0);

    /// <summary>A shadow is very long when longer than twice the candle's real body.</summary>
    public static CandleSetting ShadowVeryLong { get; } = new(CandleRangeType.RealBody, 0, 2.0);

    /// <summary>A shadow is short when shorter than half the average sum of shadows of the previous 10 candles.</summary>
    public static CandleSetting ShadowShort { get; } = new(CandleRangeType.Shadows, 10, 1.0);

    /// <summary>A shadow is very short when shorter than 10 % of the average high–low range of the previous 10 candles.</summary>
    public static CandleSetting ShadowVeryShort { get; } = new(CandleRangeType.HighLow, 10, 0.1);

    /// <summary>A distance is near when within 20 % of the average high–low range of the previous 5 candles.</summary>
    public static CandleSetting Near { get; } = new(CandleRangeType.HighLow, 5, 0.2);

    /// <summary>A distance is far when at least 60 % of the average high–low range of the previous 5 candles.</summary>
    public static CandleSetting Far { get; } = new(CandleRangeType.HighLow, 5, 0.6);

    /// <summary>Prices are equal when within 5 % of the average high–low range of the previous 5 candles.</summary>
    public static CandleSetting Equal { get; } = new(CandleRangeType.HighLow, 5, 0.05);

    /// <summary>
    /// The threshold (TA-Lib's TA_CANDLEAVERAGE) as a factor, a divisor and a scale: a threshold is
    /// factor × (value / divisor) × scale, where the value is the running total (divisor the period) or the
    /// candle's own range (divisor 1 when the period is 0), and the scale halves shadows. Same operations in the
    /// same order as TA-Lib, so ties break alike (÷ 1, × 1 and × 0.5 are exact and change no bit).
    /// </summary>
    public CandleScale Scale => new(Factor, Period != 0 ? Period : 1.0, RangeType == CandleRangeType.Shadows ? 0.5 : 1.0);
}

/// <summary>How a candle setting turns its value into a threshold (see <see cref="CandleSetting.Scale"/>).</summary>
/// <param name="Factor">The setting's factor.</param>
/// <param name="Divisor">The period, or 1 for a candle's own range.</param>
/// <param name="Half">0.5 for shadows (one shadow of the two summed), else 1.</param>
internal readonly record struct CandleScale(double Factor, double Divisor, double Half)
{
    /// <summary>The threshold of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Of(double value) => Factor * (value / Divisor) * Half;
}
