namespace MtMcp.Engine;

/// <summary>A filter on the sign of a position's floating profit.</summary>
public enum ProfitSign
{
    /// <summary>Any profit.</summary>
    Any,

    /// <summary>Floating profit above zero.</summary>
    Profit,

    /// <summary>Floating profit below zero.</summary>
    Loss,
}
