namespace MtMcp.Domain;

/// <summary>Order lifetime (ENUM_ORDER_TYPE_TIME).</summary>
public enum OrderTimeType
{
    /// <summary>Good till cancelled.</summary>
    Gtc = 0,

    /// <summary>Valid for the current trading day.</summary>
    Day = 1,

    /// <summary>Valid until the given expiration time.</summary>
    Specified = 2,

    /// <summary>Valid until 23:59:59 of the given day.</summary>
    SpecifiedDay = 3,
}
