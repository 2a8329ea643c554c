namespace MtMcp.Domain;

/// <summary>Order filling policy (ENUM_ORDER_TYPE_FILLING).</summary>
public enum OrderFilling
{
    /// <summary>Fill or kill: whole volume or nothing.</summary>
    Fok = 0,

    /// <summary>Immediate or cancel: fill what is available, cancel the rest.</summary>
    Ioc = 1,

    /// <summary>Fill what is available, leave the remainder working.</summary>
    Return = 2,

    /// <summary>Book or cancel: passive only.</summary>
    Boc = 3,
}
