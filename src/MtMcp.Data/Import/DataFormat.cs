namespace MtMcp.Data.Import;

/// <summary>The market-data file formats the importer reads.</summary>
public enum DataFormat
{
    /// <summary>
    /// A CSV with a header row naming open, high, low, close and optionally volume, spread and real_volume;
    /// the time is the first column or a column named date/time/datetime/timestamp.
    /// </summary>
    GenericCsv,

    /// <summary>MetaTrader 5 "Export bars": tab separated, <c>&lt;DATE&gt; &lt;TIME&gt; &lt;OPEN&gt; …</c>, broker server time.</summary>
    Mt5Bars,

    /// <summary>MetaTrader 5 "Export ticks": <c>&lt;DATE&gt; &lt;TIME&gt; &lt;BID&gt; &lt;ASK&gt; &lt;LAST&gt; &lt;VOLUME&gt; &lt;FLAGS&gt;</c>.</summary>
    Mt5Ticks,

    /// <summary>HistData.com ASCII M1 bars: <c>YYYYMMDD HHMMSS;O;H;L;C;V</c>, EST without daylight saving (UTC−5).</summary>
    HistDataM1,

    /// <summary>LEAN quote ticks: <c>ms_since_midnight,bid,ask</c>, the day in the file name.</summary>
    LeanTick,

    /// <summary>LEAN second quote bars (bid and ask OHLC); imported as M1 bars, since MT5 has no seconds timeframe.</summary>
    LeanSecond,

    /// <summary>LEAN minute quote bars (bid and ask OHLC), imported as M1.</summary>
    LeanMinute,

    /// <summary>LEAN hour quote bars (<c>YYYYMMDD HH:mm,…</c>), imported as H1.</summary>
    LeanHour,

    /// <summary>LEAN daily quote bars (<c>YYYYMMDD HH:mm,…</c>), imported as D1.</summary>
    LeanDaily,
}
