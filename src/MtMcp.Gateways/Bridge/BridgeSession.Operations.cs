using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MtMcp.Gateways.Bridge.Wire;

namespace MtMcp.Gateways.Bridge;

/// <summary>Typed operations of a bridge session.</summary>
public sealed partial class BridgeSession
{
    /// <summary>Account money and terminal state (<c>account.info</c>); also refreshes <see cref="ServerTimeOffset"/>.</summary>
    /// <exception cref="BridgeException">The request failed, or the EA sent an unsupported margin or stop-out mode name.</exception>
    public async Task<BridgeAccountState> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        var data = await RequestAsync(BridgeOps.AccountInfo, new WireEmpty(), BridgeJsonContext.Default.WireEmpty, cancellationToken: cancellationToken).ConfigureAwait(false);
        var wire = Read(data, BridgeJsonContext.Default.WireAccountInfo, BridgeOps.AccountInfo);
        if (wire.ServerTimeOffsetS is { } offset)
        {
            Interlocked.Exchange(ref _offsetSeconds, offset);
        }

        return new BridgeAccountState
        {
            Info = new AccountInfo
            {
                Login = wire.Login,
                Server = wire.Server,
                Name = wire.Name,
                Company = wire.Company,
                Currency = wire.Currency,
                CurrencyDigits = wire.CurrencyDigits,
                Leverage = wire.Leverage,
                TradeMode = MqlNames.ParseTradeModeAsLiveUnlessDemo(wire.TradeMode),
                MarginMode = MqlNames.AccountMarginMode.Parse(wire.MarginMode, "margin_mode"),
                StopoutMode = MqlNames.AccountStopoutMode.Parse(wire.MarginSoMode, "margin_so_mode"),
                MarginCall = wire.MarginSoCall,
                MarginStopOut = wire.MarginSoSo,
                TradeAllowed = wire.TradeAllowed,
            },
            Balance = wire.Balance,
            Credit = wire.Credit,
            Equity = wire.Equity,
            Profit = wire.Profit,
            Margin = wire.Margin,
            FreeMargin = wire.MarginFree,
            MarginLevel = wire.MarginLevel,
            TerminalConnected = wire.TerminalConnected,
            TerminalTradeAllowed = wire.TerminalTradeAllowed,
            ExpertTradeAllowed = wire.MqlTradeAllowed && wire.TradeExpert,
            ServerTimeOffset = ServerTimeOffset,
        };
    }

    /// <summary>Symbol names of the terminal (<c>symbols.list</c>): all, or only Market Watch.</summary>
    public async Task<IReadOnlyList<string>> ListSymbolsAsync(bool selectedOnly, CancellationToken cancellationToken = default)
    {
        var data = await RequestAsync(BridgeOps.SymbolsList, new WireSymbolsListRequest(selectedOnly), BridgeJsonContext.Default.WireSymbolsListRequest, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Read(data, BridgeJsonContext.Default.WireSymbolsList, BridgeOps.SymbolsList).Symbols;
    }

    /// <summary>The terminal's specification of <paramref name="symbol"/> (<c>symbol.spec</c>), sessions moved to UTC.</summary>
    /// <exception cref="BridgeException">The request failed (<c>SYMBOL_NOT_FOUND</c> for a symbol the terminal lacks), or the specification cannot be modelled (<c>UNSUPPORTED</c>).</exception>
    public async Task<SymbolSpec> GetSymbolSpecAsync(string symbol, string accountCurrency, CancellationToken cancellationToken = default)
    {
        var data = await RequestAsync(BridgeOps.SymbolSpec, new WireSymbolRequest(symbol), BridgeJsonContext.Default.WireSymbolRequest, cancellationToken: cancellationToken).ConfigureAwait(false);
        return BridgeSymbolSpecs.ToSpec(Read(data, BridgeJsonContext.Default.WireSymbolSpec, BridgeOps.SymbolSpec), ServerTimeOffset, accountCurrency);
    }

    /// <summary>Open positions (<c>positions.list</c>), optionally of one symbol; times converted to UTC.</summary>
    /// <exception cref="BridgeException">The request failed, or a position has an unsupported type name.</exception>
    public async Task<IReadOnlyList<Position>> ListPositionsAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        var states = await ListPositionStatesAsync(symbol, cancellationToken).ConfigureAwait(false);
        var positions = new Position[states.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = states[i].Position;
        }

        return positions;
    }

    /// <summary>
    /// Open positions (<c>positions.list</c>) with the terminal's current price and floating profit; times converted to UTC.
    /// </summary>
    /// <exception cref="BridgeException">The request failed, or a position has an unsupported type name.</exception>
    public async Task<IReadOnlyList<PositionState>> ListPositionStatesAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        var data = await RequestAsync(BridgeOps.PositionsList, new WirePositionsRequest(symbol), BridgeJsonContext.Default.WirePositionsRequest, cancellationToken: cancellationToken).ConfigureAwait(false);
        var wire = Read(data, BridgeJsonContext.Default.WirePositionsList, BridgeOps.PositionsList).Positions;
        var positions = new PositionState[wire.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            var p = wire[i];
            var position = new Position
            {
                Ticket = p.Ticket,
                Symbol = p.Symbol,
                Type = MqlNames.PositionType.Parse(p.Type, "position type"),
                Volume = p.Volume,
                PriceOpen = p.PriceOpen,
                StopLoss = p.Sl,
                TakeProfit = p.Tp,
                TimeMs = ServerTimeToUtcMs(p.TimeMsc),
                TimeUpdateMs = p.TimeUpdateMsc == 0 ? 0 : ServerTimeToUtcMs(p.TimeUpdateMsc),
                Magic = p.Magic,
                Comment = p.Comment,
                Swap = p.Swap,
                Reason = MqlNames.PositionReason.TryParse(p.Reason, out var reason) ? reason : PositionReason.Expert,
            };
            positions[i] = new PositionState(position, p.PriceCurrent, p.Profit);
        }

        return positions;
    }

    /// <summary>
    /// Sends <paramref name="request"/> as <c>trade.send</c>. The request's comment is replaced by the tag of its
    /// client order id (required), which the EA de-duplicates on and reconciliation searches for. Never throws for
    /// a broker or link outcome: a lost answer is <see cref="TradeOutcome.Uncertain"/>, a refusal before sending is
    /// <see cref="TradeOutcome.Rejected"/> with <see cref="BridgeTradeResult.Sent"/> false.
    /// </summary>
    /// <exception cref="ArgumentException">The request has no client order id, or one longer than 64 characters.</exception>
    public async Task<BridgeTradeResult> SendTradeAsync(TradeRequest request, CancellationToken cancellationToken = default)
    {
        var clientOrderId = request.ClientOrderId
            ?? throw new ArgumentException("A bridged trade needs a client order id: it is what prevents a second order after a lost answer.", nameof(request));
        var tag = BridgeTags.ForClientOrder(Key, clientOrderId);
        if (!TradingEnabled)
        {
            return Refused(BridgeErrorCodes.TradingDisabled, Info.Account.TradeMode != AccountTradeMode.Real
                ? "Trading on bridged accounts is not enabled in the server configuration."
                : $"This is a {Info.Account.TradeMode} account: trading on live accounts needs its own explicit setting.");
        }

        var send = new WireTradeSend(clientOrderId, ToWire(request, tag));
        try
        {
            var data = await RequestAsync(BridgeOps.TradeSend, send, BridgeJsonContext.Default.WireTradeSend, cancellationToken: cancellationToken).ConfigureAwait(false);
            var result = Read(data, BridgeJsonContext.Default.WireTradeResult, BridgeOps.TradeSend);
            return new BridgeTradeResult
            {
                // The server classifies the number itself; the EA's outcome string is informational.
                Outcome = TradeRetcodes.Classify(result.Retcode, request.Action),
                Retcode = result.Retcode,
                RetcodeName = result.RetcodeName ?? TradeRetcodes.MqlName(result.Retcode),
                Message = string.IsNullOrEmpty(result.Comment) ? TradeRetcodes.Describe(result.Retcode) : result.Comment,
                Sent = true,
                Duplicate = result.Duplicate,
                ClientOrderId = clientOrderId,
                Tag = tag,
                Deal = result.Deal,
                Order = result.Order,
                Volume = result.Volume,
                Price = result.Price,
                Bid = result.Bid,
                Ask = result.Ask,
                RequestId = result.RequestId,
                RetcodeExternal = result.RetcodeExternal,
            };
        }
        catch (BridgeException ex)
        {
            return new BridgeTradeResult
            {
                Outcome = OutcomeOf(ex),
                ErrorCode = ex.Code,
                Message = ex.Message,
                Sent = ex.RequestSent,
                ClientOrderId = clientOrderId,
                Tag = tag,
                MqlError = ex.MqlError,
            };
        }

        BridgeTradeResult Refused(string code, string message) => new()
        {
            Outcome = TradeOutcome.Rejected,
            ErrorCode = code,
            Message = message,
            Sent = false,
            ClientOrderId = clientOrderId,
            Tag = tag,
        };
    }

    /// <summary>
    /// The outcome a failed trade request implies (bridge-protocol.md §6): refusals by the EA are rejected, BUSY is
    /// retryable, and anything that may have reached the terminal is uncertain.
    /// </summary>
    internal static TradeOutcome OutcomeOf(BridgeException failure) => failure.Code switch
    {
        BridgeErrorCodes.UnknownOp or BridgeErrorCodes.InvalidArgument or BridgeErrorCodes.SymbolNotFound
            or BridgeErrorCodes.NotConnected or BridgeErrorCodes.TradingDisabled => TradeOutcome.Rejected,
        BridgeErrorCodes.Busy => TradeOutcome.Retryable,
        _ when !failure.RequestSent => failure.Code == BridgeErrorCodes.Timeout ? TradeOutcome.Retryable : TradeOutcome.Rejected,
        _ => TradeOutcome.Uncertain,
    };

    private WireTradeRequest ToWire(TradeRequest request, string tag) => new()
    {
        Action = MqlNames.TradeAction.Name(request.Action),
        Symbol = string.IsNullOrEmpty(request.Symbol) ? null : request.Symbol,
        Type = MqlNames.OrderType.Name(request.Type),
        Volume = request.Volume,
        Price = request.Price,
        Stoplimit = request.StopLimit,
        Sl = request.StopLoss,
        Tp = request.TakeProfit,
        Deviation = request.Deviation,
        TypeFilling = request.Filling is { } filling ? MqlNames.OrderFilling.Name(filling) : null,
        TypeTime = MqlNames.OrderTimeType.Name(request.TimeType),
        Expiration = request.ExpirationMs == 0 ? 0 : UtcMsToServerTimeSeconds(request.ExpirationMs),
        Magic = request.Magic,
        Comment = tag,
        Order = request.Order,
        Position = request.Position,
        PositionBy = request.PositionBy,
    };

    private static T Read<T>(JsonElement data, JsonTypeInfo<T> info, string op)
    {
        try
        {
            return data.ValueKind == JsonValueKind.Object
                ? data.Deserialize(info) ?? throw new BridgeException(BridgeErrorCodes.ProtocolError, $"The answer to '{op}' has no data.", requestSent: true)
                : throw new BridgeException(BridgeErrorCodes.ProtocolError, $"The answer to '{op}' has no data object.", requestSent: true);
        }
        catch (JsonException ex)
        {
            throw new BridgeException(BridgeErrorCodes.ProtocolError, $"The answer to '{op}' is malformed: {ex.Message}", requestSent: true);
        }
    }
}
