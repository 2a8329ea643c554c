using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;

namespace MtMcp.Engine;

public sealed partial class TradingAccount
{
    // Stop-out is evaluated exactly only when the cheap estimate comes this close to the level: a share of the
    // margin plus a share of the equity covers the drift of the cached conversion rates and CFD margins between
    // exact refreshes (every refresh interval of venue time, and on every change of the positions).
    private const double StopOutBandOfMargin = 0.2;
    private const double StopOutBandOfEquity = 0.02;

    // Account-wide sums of the per-book caches.
    private double _marginTotal;
    private double _estimatedProfitTotal;
    private double _swapTotal;

    // Balance + credit as a double, refreshed at the end of every step, so the tick path converts no decimal.
    private double _cash;

    // The symbol FloatingProfit(Position) looked up last, and its id on the board.
    private string? _lastValuedSymbol;
    private int _lastValuedSymbolId;

    /// <summary>The account's money now, exactly per MT5's formulas (every position valued at the current quotes).</summary>
    public AccountSnapshot Snapshot()
    {
        var (profit, margin) = ExactTotals();
        var equity = (double)(_balance + _credit) + profit;
        return new AccountSnapshot
        {
            Info = _info,
            Balance = _balance,
            Credit = _credit,
            Profit = profit,
            Equity = equity,
            Margin = margin,
            MarginCall = margin > 0 && AtLevel(equity, margin, _info.MarginCall),
            TimeMs = _timeMs,
        };
    }

    /// <summary>
    /// Equity from the running per-symbol profit estimates: O(1) and allocation-free, for watchers that look at every
    /// quote (loss limits). Its conversion rates are the cached ones (exact after every change of the positions and at
    /// each refresh interval), so between refreshes it can differ slightly from <see cref="Equity"/>.
    /// </summary>
    public double EstimatedEquity => _cash + _estimatedProfitTotal + _swapTotal;

    /// <summary>The exact equity, as in <see cref="Snapshot"/>, without building a snapshot. O(positions).</summary>
    public double Equity() => (double)(_balance + _credit) + ExactTotals().Profit;

    /// <summary>
    /// Floating profit of <paramref name="position"/> in the account currency at the current quote (closing side:
    /// Bid for buys, Ask for sells), including its accumulated swap.
    /// </summary>
    /// <exception cref="InvalidOperationException">The position's symbol, or a conversion pair, has no quote.</exception>
    public double FloatingProfit(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        // Strategies value their positions on every bar: the positions of one symbol share its name's string, so
        // remembering the last name found saves the case-insensitive hash lookup.
        int id;
        if (ReferenceEquals(position.Symbol, _lastValuedSymbol))
        {
            id = _lastValuedSymbolId;
        }
        else if (_quotes.TryGetId(position.Symbol, out id))
        {
            _lastValuedSymbol = position.Symbol;
            _lastValuedSymbolId = id;
        }
        else
        {
            ThrowNoQuote(position);
        }

        if (!_quotes.HasQuote(id))
        {
            ThrowNoQuote(position);
        }

        return FloatingProfit(_quotes.Spec(id), position, _quotes.Get(id)) + (double)position.Swap;
    }

    /// <summary>
    /// <paramref name="position"/> as MetaTrader reports it: the price it would close at now (bid for a buy, ask for a
    /// sell) and its profit (POSITION_PROFIT: swap and commission apart), rounded to the account currency's digits.
    /// </summary>
    /// <exception cref="InvalidOperationException">The position's symbol, or a conversion pair, has no quote.</exception>
    public PositionState StateOf(Position position)
    {
        var profit = FloatingProfit(position) - (double)position.Swap;

        // FloatingProfit has just found the symbol and its quote.
        _quotes.TryGetId(position.Symbol, out var id);
        var quote = _quotes.Get(id);
        return new PositionState(
            position, position.Type == PositionType.Buy ? quote.Bid : quote.Ask, Math.Round(profit, Settings.Info.CurrencyDigits));
    }

    [DoesNotReturn]
    private static void ThrowNoQuote(Position position) =>
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"No quote for {position.Symbol}: the floating profit of position {position.Ticket} is unknown."));

    /// <summary>Deposits (positive) or withdraws (negative) money as a balance deal.</summary>
    /// <returns>10009 with the deal ticket; 10013 for zero; 10019 when a withdrawal exceeds the free margin.</returns>
    public TradeResult Deposit(decimal amount, string comment = "")
    {
        comment ??= "";
        TradeResult result;
        if (amount == 0)
        {
            result = Reject(TradeAction.Deal, TradeRetcode.Invalid, "Deposit amount is 0: give a positive amount to deposit or a negative one to withdraw.");
        }
        else if (comment.Length > MaxCommentLength)
        {
            result = Reject(TradeAction.Deal, TradeRetcode.Invalid, string.Create(CultureInfo.InvariantCulture, $"Comment has {comment.Length} characters; at most {MaxCommentLength} are allowed."));
        }
        else if (amount < 0 && (double)-amount > FreeMargin())
        {
            result = Reject(TradeAction.Deal, TradeRetcode.NoMoney,
                string.Create(CultureInfo.InvariantCulture, $"Withdrawal of {-amount} {Currency} exceeds the free margin of {Math.Round(FreeMargin(), Digits)} {Currency}."));
        }
        else
        {
            var deal = BalanceOperation(DealType.Balance, amount, comment);
            result = new TradeResult
            {
                Retcode = TradeRetcode.Done,
                Action = TradeAction.Deal,
                Message = amount > 0 ? string.Create(CultureInfo.InvariantCulture, $"Deposited {amount} {Currency}.") : string.Create(CultureInfo.InvariantCulture, $"Withdrew {-amount} {Currency}."),
                Deal = deal.Ticket,
                TimeMs = _timeMs,
            };
        }

        EndStep();
        return result;
    }

    private double FreeMargin()
    {
        var (profit, margin) = ExactTotals();
        return (double)(_balance + _credit) + profit - margin;
    }

    /// <summary>Whether equity is at or below <paramref name="level"/> (percent of margin, or money, per the stop-out mode).</summary>
    private bool AtLevel(double equity, double margin, double level) =>
        _info.StopoutMode == AccountStopoutMode.Percent ? equity / margin * 100 <= level : equity <= level;

    /// <summary>Whether exact <paramref name="totals"/> (as <see cref="ExactTotals"/> returns them) put the account at its stop-out level.</summary>
    private bool AtStopOut((double Profit, double Margin) totals) =>
        !(totals.Margin <= 0) && AtLevel((double)(_balance + _credit) + totals.Profit, totals.Margin, _info.MarginStopOut);

    private static double ClosePrice(Position position, Quote quote) => position.Type == PositionType.Buy ? quote.Bid : quote.Ask;

    private double FloatingProfit(SymbolSpec spec, Position position, Quote quote) =>
        TradeMath.ProfitInAccountCurrency(spec, position.Type, (double)position.Volume, position.PriceOpen, ClosePrice(position, quote), Currency, _converter);

    /// <summary>Σ floating profit (incl. swaps) and Σ margin, each position valued exactly; refreshes the caches on the way.</summary>
    private (double Profit, double Margin) ExactTotals()
    {
        double profit = 0, margin = 0;
        foreach (var book in _bookList)
        {
            if (book.Positions.Count == 0)
            {
                continue;
            }

            RefreshMoney(book);
            profit += book.EstimatedProfit + book.Swap;
            margin += book.Margin;
        }

        RecomputeTotals();
        return (profit, margin);
    }

    /// <summary>After a change of the book's orders or positions: aggregates, money caches and trigger prices.</summary>
    private void RefreshBook(SymbolBook book)
    {
        double buyLots = 0, buyLotsOpen = 0, sellLots = 0, sellLotsOpen = 0, swap = 0;
        foreach (var position in book.Positions)
        {
            var lots = (double)position.Volume;
            if (position.Type == PositionType.Buy)
            {
                buyLots += lots;
                buyLotsOpen += lots * position.PriceOpen;
            }
            else
            {
                sellLots += lots;
                sellLotsOpen += lots * position.PriceOpen;
            }

            swap += (double)position.Swap;
        }

        book.BuyLots = buyLots;
        book.BuyLotsOpen = buyLotsOpen;
        book.SellLots = sellLots;
        book.SellLotsOpen = sellLotsOpen;
        book.Swap = swap;
        RefreshMoney(book);
        RecomputeTotals();
        RebuildTriggers(book);
    }

    /// <summary>Exact margin, floating profit and conversion rates of one book at the current quotes.</summary>
    private void RefreshMoney(SymbolBook book)
    {
        book.Stale = false;
        if (book.Positions.Count == 0)
        {
            book.Margin = 0;
            book.EstimatedProfit = 0;
            return;
        }

        // Right after a restore the symbol (or a conversion pair) may not be quoted yet: keep the last figures
        // and retry on the symbol's next quote.
        var spec = book.Spec;
        if (!_quotes.HasQuote(book.Id))
        {
            book.Stale = true;
            return;
        }

        var quote = _quotes.Get(book.Id);
        try
        {
            var margin = MarginCalculator.SymbolMargin(spec, CollectionsMarshal.AsSpan(book.Positions), _info.Leverage, Currency, _converter, quote);
            var rateReceive = _converter.Rate(spec.CurrencyProfit, Currency, ConversionSide.Receive);
            var ratePay = _converter.Rate(spec.CurrencyProfit, Currency, ConversionSide.Pay);
            // The same sum as FloatingProfit per position (profit × the rate of its sign), with the two rates looked up once.
            double profit = 0;
            foreach (var position in book.Positions)
            {
                var raw = TradeMath.Profit(spec, position.Type, (double)position.Volume, position.PriceOpen, ClosePrice(position, quote));
                profit += raw * (raw >= 0 ? rateReceive : ratePay);
            }

            book.Margin = margin;
            book.RateReceive = rateReceive;
            book.RatePay = ratePay;
            book.EstimatedProfit = profit;
        }
        catch (InvalidOperationException)
        {
            book.Stale = true;
        }
    }

    private void RecomputeTotals()
    {
        double margin = 0, profit = 0, swap = 0;
        foreach (var book in _bookList)
        {
            margin += book.Margin;
            profit += book.EstimatedProfit;
            swap += book.Swap;
        }

        _marginTotal = margin;
        _estimatedProfitTotal = profit;
        _swapTotal = swap;
    }

    /// <summary>O(1): moves the book's profit estimate to the latest quote and tells whether stop-out is near.</summary>
    private bool UpdateEstimateNearStopOut(SymbolBook book)
    {
        if (book.Stale)
        {
            RefreshMoney(book);
            RecomputeTotals();
            return NearStopOut();
        }

        var quote = _quotes.Get(book.Id);
        var estimate = book.Estimate(quote.Bid, quote.Ask);
        _estimatedProfitTotal += estimate - book.EstimatedProfit;
        book.EstimatedProfit = estimate;
        return NearStopOut();
    }

    private bool NearStopOut()
    {
        if (_marginTotal <= 0)
        {
            return false;
        }

        var equity = _cash + _estimatedProfitTotal + _swapTotal;
        var level = _info.StopoutMode == AccountStopoutMode.Percent ? _marginTotal * _info.MarginStopOut / 100 : _info.MarginStopOut;
        return equity <= level + (StopOutBandOfMargin * _marginTotal) + (StopOutBandOfEquity * Math.Abs(equity));
    }

    /// <summary>
    /// Closes positions, largest loss first, while the account is at or below the stop-out level; then applies
    /// negative balance protection.
    /// </summary>
    private void CheckStopOut()
    {
        var stoppedOut = false;
        while (_positions.Count > 0 && AtStopOut(ExactTotals()))
        {
            Position? worst = null;
            var worstProfit = double.MaxValue;
            foreach (var position in _positions)
            {
                // A symbol not quoted since a restore cannot be closed (nor valued): it waits for its quote.
                if (!_quotes.TryGetId(position.Symbol, out var id) || !_quotes.HasQuote(id))
                {
                    continue;
                }

                var p = FloatingProfit(position);
                if (p < worstProfit)
                {
                    worst = position;
                    worstProfit = p;
                }
            }

            if (worst is null)
            {
                break;
            }

            if (ClosePosition(BookFor(worst.Symbol), worst, worst.Volume, OrderReason.StopOut, slip: true) is null)
            {
                break;
            }

            stoppedOut = true;
            EndStep();
        }

        if (stoppedOut && Settings.NegativeBalanceProtection && _balance < 0)
        {
            BalanceOperation(DealType.Correction, -_balance, "negative balance protection");
        }

        if (stoppedOut)
        {
            EndStep();
        }
    }
}
