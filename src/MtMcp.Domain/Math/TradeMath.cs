namespace MtMcp.Domain;

/// <summary>
/// MetaTrader 5 margin, profit, tick-value and pip-value formulas per <see cref="SymbolCalcMode"/>
/// (MQL5 reference, Symbol Properties), with conversion into the account currency.
/// </summary>
public static class TradeMath
{
    /// <summary>
    /// Initial margin in the symbol's margin currency for <paramref name="lots"/> in direction <paramref name="side"/>.
    /// </summary>
    /// <param name="spec">The symbol.</param>
    /// <param name="side">Direction of the position.</param>
    /// <param name="lots">Volume in lots (non-negative).</param>
    /// <param name="marketPrice">Ask for buys, bid for sells (the last price for exchange stocks).</param>
    /// <param name="leverage">Account leverage (1:N as N); used by the leveraged modes.</param>
    /// <exception cref="NotSupportedException">An exchange option or bond calc mode, which this product does not trade.</exception>
    public static double Margin(SymbolSpec spec, PositionType side, double lots, double marketPrice, int leverage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lots);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leverage);
        var rate = spec.MarginRates.Initial(side);

        // A fixed initial margin per lot replaces the formula (MT5 Help).
        if (spec.MarginInitial > 0)
        {
            return lots * spec.MarginInitial * rate;
        }

        return spec.CalcMode switch
        {
            SymbolCalcMode.Forex => lots * spec.ContractSize / leverage * rate,
            SymbolCalcMode.ForexNoLeverage => lots * spec.ContractSize * rate,
            SymbolCalcMode.Cfd or SymbolCalcMode.ExchStocks or SymbolCalcMode.ExchStocksMoex => lots * spec.ContractSize * marketPrice * rate,
            SymbolCalcMode.CfdIndex => lots * spec.ContractSize * marketPrice * spec.TickPrice / spec.TickSize * rate,
            SymbolCalcMode.CfdLeverage => lots * spec.ContractSize * marketPrice / leverage * rate,
            SymbolCalcMode.ServCollateral => 0,
            SymbolCalcMode.Futures or SymbolCalcMode.ExchFutures =>
                throw new NotSupportedException($"{spec.Name}: calc mode {spec.CalcMode} needs SYMBOL_MARGIN_INITIAL, which is 0."),
            _ => throw new NotSupportedException($"{spec.Name}: calc mode {spec.CalcMode} is not supported for margin."),
        };
    }

    /// <summary>Profit in the symbol's profit currency of a position opened at <paramref name="openPrice"/> and valued at <paramref name="closePrice"/>.</summary>
    /// <exception cref="NotSupportedException">A bond, option or collateral calc mode.</exception>
    public static double Profit(SymbolSpec spec, PositionType side, double lots, double openPrice, double closePrice)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lots);
        var move = side == PositionType.Buy ? closePrice - openPrice : openPrice - closePrice;
        return spec.CalcMode switch
        {
            SymbolCalcMode.Forex or SymbolCalcMode.ForexNoLeverage or SymbolCalcMode.Cfd or SymbolCalcMode.CfdIndex
                or SymbolCalcMode.CfdLeverage or SymbolCalcMode.ExchStocks or SymbolCalcMode.ExchStocksMoex => move * spec.ContractSize * lots,
            SymbolCalcMode.Futures or SymbolCalcMode.ExchFutures => move * spec.TickPrice / spec.TickSize * lots,
            _ => throw new NotSupportedException($"{spec.Name}: calc mode {spec.CalcMode} is not supported for profit."),
        };
    }

    /// <summary>Initial margin converted into <paramref name="accountCurrency"/> (paid side of the rate).</summary>
    public static double MarginInAccountCurrency(
        SymbolSpec spec, PositionType side, double lots, double marketPrice, int leverage, string accountCurrency, CurrencyConverter converter) =>
        converter.ConvertCost(Margin(spec, side, lots, marketPrice, leverage), spec.CurrencyMargin, accountCurrency);

    /// <summary>Profit converted into <paramref name="accountCurrency"/>; profits at the receive rate, losses at the pay rate.</summary>
    public static double ProfitInAccountCurrency(
        SymbolSpec spec, PositionType side, double lots, double openPrice, double closePrice, string accountCurrency, CurrencyConverter converter) =>
        converter.Convert(Profit(spec, side, lots, openPrice, closePrice), spec.CurrencyProfit, accountCurrency);

    /// <summary>
    /// Value in <paramref name="accountCurrency"/> of a one-tick move for one lot
    /// (SYMBOL_TRADE_TICK_VALUE_PROFIT for <see cref="ConversionSide.Receive"/>, _LOSS for <see cref="ConversionSide.Pay"/>).
    /// </summary>
    public static double TickValue(SymbolSpec spec, string accountCurrency, CurrencyConverter converter, ConversionSide side = ConversionSide.Pay) =>
        TickValueInProfitCurrency(spec) * converter.Rate(spec.CurrencyProfit, accountCurrency, side);

    /// <summary>Value in <paramref name="accountCurrency"/> of a one-pip move for one lot (see <see cref="SymbolSpec.PipSize"/>).</summary>
    public static double PipValue(SymbolSpec spec, string accountCurrency, CurrencyConverter converter, ConversionSide side = ConversionSide.Pay) =>
        TickValue(spec, accountCurrency, converter, side) * spec.PipSize / spec.TickSize;

    /// <summary>Value of a one-tick move for one lot in the profit currency.</summary>
    public static double TickValueInProfitCurrency(SymbolSpec spec) => spec.CalcMode switch
    {
        SymbolCalcMode.Futures or SymbolCalcMode.ExchFutures => spec.TickPrice,
        _ => spec.TickSize * spec.ContractSize,
    };

    /// <summary>Notional value of a position in the profit currency: lots × contract size × price.</summary>
    public static double Notional(SymbolSpec spec, double lots, double price) => lots * spec.ContractSize * price;
}
