namespace MtMcp.Domain;

/// <summary>Unit of margin call and stop-out levels (ENUM_ACCOUNT_STOPOUT_MODE).</summary>
public enum AccountStopoutMode
{
    /// <summary>Margin level in percent.</summary>
    Percent = 0,

    /// <summary>Equity in the deposit currency.</summary>
    Money = 1,
}
