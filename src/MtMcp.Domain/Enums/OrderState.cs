namespace MtMcp.Domain;

/// <summary>Order state (ENUM_ORDER_STATE).</summary>
public enum OrderState
{
    /// <summary>Checked, not yet accepted.</summary>
    Started = 0,

    /// <summary>Accepted.</summary>
    Placed = 1,

    /// <summary>Cancelled by the client.</summary>
    Canceled = 2,

    /// <summary>Partially executed.</summary>
    Partial = 3,

    /// <summary>Fully executed.</summary>
    Filled = 4,

    /// <summary>Rejected.</summary>
    Rejected = 5,

    /// <summary>Expired.</summary>
    Expired = 6,

    /// <summary>Being registered.</summary>
    RequestAdd = 7,

    /// <summary>Being modified.</summary>
    RequestModify = 8,

    /// <summary>Being deleted.</summary>
    RequestCancel = 9,
}
