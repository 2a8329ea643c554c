namespace MtMcp.Indicators;

/// <summary>A series an indicator reads.</summary>
public enum InputSeries
{
    /// <summary>Bar open.</summary>
    Open,

    /// <summary>Bar high.</summary>
    High,

    /// <summary>Bar low.</summary>
    Low,

    /// <summary>Bar close.</summary>
    Close,

    /// <summary>Bar volume (tick volume for forex).</summary>
    Volume,

    /// <summary>Any one price series (TA-Lib's inReal): the close unless the caller picks another source.</summary>
    Real0,

    /// <summary>A second series for two-input functions (TA-Lib's inReal1; for MAVP, the periods).</summary>
    Real1,

    /// <summary>Bar open times (session-anchored indicators).</summary>
    Time,
}
