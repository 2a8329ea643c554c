namespace MtMcp.Domain;

/// <summary>How margin and profit are computed (ENUM_SYMBOL_CALC_MODE).</summary>
public enum SymbolCalcMode
{
    /// <summary>Forex.</summary>
    Forex = 0,

    /// <summary>Futures.</summary>
    Futures = 1,

    /// <summary>CFD.</summary>
    Cfd = 2,

    /// <summary>CFD on an index.</summary>
    CfdIndex = 3,

    /// <summary>CFD with leverage.</summary>
    CfdLeverage = 4,

    /// <summary>Forex without leverage.</summary>
    ForexNoLeverage = 5,

    /// <summary>Exchange stocks.</summary>
    ExchStocks = 32,

    /// <summary>Exchange futures.</summary>
    ExchFutures = 33,

    /// <summary>Exchange options.</summary>
    ExchOptions = 34,

    /// <summary>Exchange margined options.</summary>
    ExchOptionsMargin = 36,

    /// <summary>Exchange bonds.</summary>
    ExchBonds = 37,

    /// <summary>MOEX stocks.</summary>
    ExchStocksMoex = 38,

    /// <summary>MOEX bonds.</summary>
    ExchBondsMoex = 39,

    /// <summary>Non-tradable collateral.</summary>
    ServCollateral = 64,
}
