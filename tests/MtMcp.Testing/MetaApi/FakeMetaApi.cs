using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MtMcp.Domain;
using MtMcp.Testing.Bridge;

namespace MtMcp.Testing.MetaApi;

/// <summary>
/// A local stand-in for MetaApi's client REST API (Kestrel on 127.0.0.1, port 0) that follows the documented paths,
/// the <c>auth-token</c> header and the documented request and response shapes (MetatraderAccountInformation,
/// MetatraderPosition, MetatraderOrder, MetatraderDeal, MetatraderSymbolPrice, MetatraderTrade and
/// MetatraderTradeResponse, Error and TooManyRequestsError). Trades execute against an in-memory account.
/// </summary>
public sealed class FakeMetaApi : IAsyncDisposable
{
    public const string Token = "tok-Secret-4f1b9c2e7d";
    public const string AccountId = "865d3a4d-3803-486d-bdf3-a85679d9fad2";

    /// <summary>The broker's clock minus UTC (the prices' brokerTime and the specifications' sessions).</summary>
    public const int BrokerOffsetSeconds = 3 * 3600;

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly Queue<(string PathContains, int Status, string Body, string? RetryAfter)> _failures = new();
    private ulong _nextTicket = 46648037;

    private FakeMetaApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>ACCOUNT_TRADE_MODE_DEMO or _REAL (the <c>type</c> field of the account information).</summary>
    public string AccountType { get; set; } = "ACCOUNT_TRADE_MODE_DEMO";

    public double Balance { get; set; } = 7319.9;

    public double Equity { get; set; } = 7306.649913200001;

    public double Margin { get; set; } = 184.1;

    public List<JsonObject> Positions { get; } = [];

    public List<JsonObject> Orders { get; } = [];

    public List<JsonObject> Deals { get; } = [];

    public List<JsonObject> HistoryOrders { get; } = [];

    public Dictionary<string, (double Bid, double Ask, DateTimeOffset Time)> Prices { get; } = new(StringComparer.Ordinal)
    {
        ["AUDNZD"] = (1.05297, 1.05309, DateTimeOffset.Parse("2020-04-07T03:45:23.345Z", CultureInfo.InvariantCulture)),
        ["EURUSD"] = (1.10000, 1.10010, DateTimeOffset.Parse("2020-04-07T03:45:23.345Z", CultureInfo.InvariantCulture)),
    };

    /// <summary>Every request: method, path with query, the auth-token header, the body, and when it arrived.</summary>
    public List<(string Method, string PathAndQuery, string? TokenHeader, string Body, DateTimeOffset At)> Requests { get; } = [];

    /// <summary>The bodies of the trade POSTs.</summary>
    public List<JsonObject> Trades { get; } = [];

    /// <summary>The next trade is answered with this result code and does nothing.</summary>
    public (int Numeric, string Name, string Message)? RejectNextTrade { get; set; }

    /// <summary>The next trade executes, then its answer is held this long (longer than the client's deadline = a lost answer).</summary>
    public TimeSpan? DelayNextTradeAfterExecuting { get; set; }

    /// <summary>The next trade is held this long and then dropped without executing.</summary>
    public TimeSpan? DropNextTrade { get; set; }

    /// <summary>Error answers repeat the received auth-token header in their message (a server that leaks it back).</summary>
    public bool EchoTokenInErrors { get; set; }

    public static async Task<FakeMetaApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeMetaApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address + "/");
        return fake;
    }

    /// <summary>The next request whose path contains <paramref name="pathContains"/> gets this answer.</summary>
    public void FailNext(string pathContains, int status, string body, string? retryAfter = null)
    {
        lock (_gate)
        {
            _failures.Enqueue((pathContains, status, body, retryAfter));
        }
    }

    public JsonObject AddPosition(string symbol, string type, double volume, double openPrice, string? clientId = null)
    {
        lock (_gate)
        {
            var id = _nextTicket++;
            var position = Position(id, symbol, type, volume, openPrice, clientId);
            Positions.Add(position);
            return position;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var pathAndQuery = request.Path + request.QueryString.ToString();
        var token = request.Headers.TryGetValue("auth-token", out var values) ? values.ToString() : null;
        (string PathContains, int Status, string Body, string? RetryAfter)? failure = null;
        lock (_gate)
        {
            Requests.Add((request.Method, pathAndQuery, token, body, DateTimeOffset.UtcNow));
            if (_failures.Count > 0 && pathAndQuery.Contains(_failures.Peek().PathContains, StringComparison.Ordinal))
            {
                failure = _failures.Dequeue();
            }
        }

        var echo = EchoTokenInErrors ? " (received auth-token " + token + ")" : "";
        if (token != Token)
        {
            await Reply(context, 401, new JsonObject { ["id"] = 1, ["error"] = "UnauthorizedError", ["message"] = "Authorization failed" + echo });
            return;
        }

        if (failure is { } f)
        {
            if (f.RetryAfter is not null)
            {
                context.Response.Headers["Retry-After"] = f.RetryAfter;
            }

            context.Response.StatusCode = f.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(f.Body.Replace("{echo}", echo, StringComparison.Ordinal));
            return;
        }

        var prefix = "/users/current/accounts/" + AccountId + "/";
        var path = request.Path.Value ?? "";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            await Reply(context, 404, new JsonObject { ["id"] = 4, ["error"] = "NotFoundError", ["message"] = "Account not found" });
            return;
        }

        var rest = path[prefix.Length..];
        var parts = rest.Split('/');
        switch (request.Method, parts[0])
        {
            case ("GET", "account-information"):
                await Reply(context, 200, AccountInformation());
                break;
            case ("GET", "positions"):
                await Reply(context, 200, Snapshot(Positions));
                break;
            case ("GET", "orders"):
                await Reply(context, 200, Snapshot(Orders));
                break;
            case ("GET", "history-deals") when parts.Length == 4 && parts[1] == "time":
                await Reply(context, 200, Page(Deals, parts[2], parts[3], request.Query, "time"));
                break;
            case ("GET", "history-orders") when parts.Length == 4 && parts[1] == "time":
                await Reply(context, 200, Page(HistoryOrders, parts[2], parts[3], request.Query, "doneTime"));
                break;
            case ("GET", "symbols") when parts.Length == 3 && parts[2] == "current-price":
                var symbol = Uri.UnescapeDataString(parts[1]);
                (double Bid, double Ask, DateTimeOffset Time) price;
                bool known;
                lock (Prices)
                {
                    known = Prices.TryGetValue(symbol, out price);
                }

                if (!known)
                {
                    await Reply(context, 404, new JsonObject
                    {
                        ["id"] = 4, ["error"] = "NotFoundError", ["message"] = $"Symbol {symbol} is not defined for this broker" + echo,
                    });
                    break;
                }

                await Reply(context, 200, new JsonObject
                {
                    ["symbol"] = symbol, ["bid"] = price.Bid, ["ask"] = price.Ask, ["profitTickValue"] = 0.59731, ["lossTickValue"] = 0.59736,
                    ["time"] = Iso(price.Time), ["brokerTime"] = price.Time.AddSeconds(BrokerOffsetSeconds).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                });
                break;
            case ("GET", "symbols") when parts.Length == 3 && parts[2] == "specification":
                var named = Uri.UnescapeDataString(parts[1]);
                if (!SymbolCatalog.BuiltIn.TryGet(named, out var spec) || !Prices.ContainsKey(named))
                {
                    await Reply(context, 404, new JsonObject
                    {
                        ["id"] = 4, ["error"] = "NotFoundError", ["message"] = $"Specification for {named} symbol not found" + echo,
                    });
                    break;
                }

                await Reply(context, 200, Specification(spec));
                break;
            case ("POST", "calculate-margin"):
                var order = JsonNode.Parse(body)!.AsObject();
                await Reply(context, 200, new JsonObject { ["margin"] = (double)order["volume"]! * 100_000 / 100 });
                break;
            case ("POST", "trade"):
                await TradeAsync(context, JsonNode.Parse(body)!.AsObject());
                break;
            default:
                await Reply(context, 404, new JsonObject { ["id"] = 4, ["error"] = "NotFoundError", ["message"] = "No such endpoint " + path });
                break;
        }
    }

    private async Task TradeAsync(HttpContext context, JsonObject trade)
    {
        TimeSpan? delay;
        TimeSpan? drop;
        (int Numeric, string Name, string Message)? reject;
        lock (_gate)
        {
            Trades.Add(trade);
            delay = DelayNextTradeAfterExecuting;
            drop = DropNextTrade;
            reject = RejectNextTrade;
            DelayNextTradeAfterExecuting = null;
            DropNextTrade = null;
            RejectNextTrade = null;
        }

        if (drop is { } holdThenDrop)
        {
            await Task.Delay(holdThenDrop, CancellationToken.None);
            context.Abort();
            return;
        }

        if (reject is { } r)
        {
            await Reply(context, 200, new JsonObject { ["numericCode"] = r.Numeric, ["stringCode"] = r.Name, ["message"] = r.Message });
            return;
        }

        var answer = Execute(trade);
        if (delay is { } hold)
        {
            await Task.Delay(hold, CancellationToken.None);
        }

        await Reply(context, 200, answer);
    }

    /// <summary>Executes a MetatraderTrade on the in-memory account and returns the MetatraderTradeResponse.</summary>
    private JsonObject Execute(JsonObject trade)
    {
        lock (_gate)
        {
            var action = (string)trade["actionType"]!;
            var clientId = (string?)trade["clientId"];
            var now = DateTimeOffset.UtcNow;
            switch (action)
            {
                case "ORDER_TYPE_BUY" or "ORDER_TYPE_SELL":
                    {
                        var symbol = (string)trade["symbol"]!;
                        var buy = action == "ORDER_TYPE_BUY";
                        var price = buy ? Prices[symbol].Ask : Prices[symbol].Bid;
                        var volume = (double)trade["volume"]!;
                        var id = _nextTicket++;
                        var magic = (ulong?)trade["magic"] ?? 0;
                        var position = Position(id, symbol, buy ? "POSITION_TYPE_BUY" : "POSITION_TYPE_SELL", volume, price, clientId, magic);
                        if (trade["stopLoss"] is { } sl)
                        {
                            position["stopLoss"] = (double)sl;
                        }

                        Positions.Add(position);
                        HistoryOrders.Add(new JsonObject
                        {
                            ["id"] = id.ToString(CultureInfo.InvariantCulture), ["type"] = action, ["state"] = "ORDER_STATE_FILLED", ["symbol"] = symbol,
                            ["magic"] = magic, ["time"] = Iso(now), ["doneTime"] = Iso(now), ["platform"] = "mt5", ["volume"] = volume, ["currentVolume"] = 0,
                            ["positionId"] = id.ToString(CultureInfo.InvariantCulture), ["clientId"] = clientId,
                        });
                        Deals.Add(Deal(_nextTicket++, id, id, symbol, buy ? "DEAL_TYPE_BUY" : "DEAL_TYPE_SELL", "DEAL_ENTRY_IN", volume, price, now, clientId, magic));
                        return Done(id, id);
                    }

                case "ORDER_TYPE_BUY_LIMIT" or "ORDER_TYPE_SELL_LIMIT" or "ORDER_TYPE_BUY_STOP" or "ORDER_TYPE_SELL_STOP":
                    {
                        var id = _nextTicket++;
                        Orders.Add(new JsonObject
                        {
                            ["id"] = id.ToString(CultureInfo.InvariantCulture), ["type"] = action, ["state"] = "ORDER_STATE_PLACED",
                            ["symbol"] = (string)trade["symbol"]!, ["magic"] = (ulong?)trade["magic"] ?? 0, ["time"] = Iso(now),
                            ["brokerTime"] = now.AddHours(3).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture), ["platform"] = "mt5",
                            ["openPrice"] = (double)trade["openPrice"]!, ["currentPrice"] = 1.05335, ["volume"] = (double)trade["volume"]!,
                            ["currentVolume"] = (double)trade["volume"]!, ["clientId"] = clientId,
                        });
                        return Done(id, 0);
                    }

                case "POSITION_MODIFY":
                    {
                        var position = Positions.Find(p => (string)p["id"]! == (string)trade["positionId"]!);
                        if (position is null)
                        {
                            return Code(4753, "ERR_TRADE_POSITION_NOT_FOUND", "Position not found");
                        }

                        position["stopLoss"] = (double?)trade["stopLoss"];
                        position["takeProfit"] = (double?)trade["takeProfit"];
                        return Done(0, ulong.Parse((string)position["id"]!, CultureInfo.InvariantCulture));
                    }

                case "POSITION_CLOSE_ID" or "POSITION_PARTIAL":
                    {
                        var position = Positions.Find(p => (string)p["id"]! == (string)trade["positionId"]!);
                        if (position is null)
                        {
                            return Code(4753, "ERR_TRADE_POSITION_NOT_FOUND", "Position not found");
                        }

                        var open = (double)position["volume"]!;
                        var volume = action == "POSITION_PARTIAL" ? (double)trade["volume"]! : open;
                        var symbol = (string)position["symbol"]!;
                        var buy = (string)position["type"]! == "POSITION_TYPE_BUY";
                        var price = buy ? Prices[symbol].Bid : Prices[symbol].Ask;
                        var orderId = _nextTicket++;
                        var positionId = ulong.Parse((string)position["id"]!, CultureInfo.InvariantCulture);
                        Deals.Add(Deal(
                            _nextTicket++, orderId, positionId, symbol, buy ? "DEAL_TYPE_SELL" : "DEAL_TYPE_BUY", "DEAL_ENTRY_OUT", volume, price, now, clientId,
                            (ulong)position["magic"]!));
                        if (volume >= open)
                        {
                            Positions.Remove(position);
                        }
                        else
                        {
                            position["volume"] = Math.Round(open - volume, 8);
                        }

                        return Done(orderId, positionId);
                    }

                case "ORDER_CANCEL":
                    {
                        var order = Orders.Find(o => (string)o["id"]! == (string)trade["orderId"]!);
                        if (order is null)
                        {
                            return Code(4754, "ERR_TRADE_ORDER_NOT_FOUND", "Order not found");
                        }

                        Orders.Remove(order);
                        var done = order.DeepClone().AsObject();
                        done["state"] = "ORDER_STATE_CANCELED";
                        done["doneTime"] = Iso(now);
                        HistoryOrders.Add(done);
                        return Done(ulong.Parse((string)order["id"]!, CultureInfo.InvariantCulture), 0);
                    }

                default:
                    return Code(-4, "TRADE_RETCODE_ORDER_TYPE_NOT_SUPPORTED", "Order type not supported");
            }
        }
    }

    private JsonObject AccountInformation() => new()
    {
        ["platform"] = "mt5", ["broker"] = "True ECN Trading Ltd", ["currency"] = "USD", ["server"] = "ICMarketsSC-Demo",
        ["balance"] = Balance, ["equity"] = Equity, ["margin"] = Margin, ["freeMargin"] = Equity - Margin, ["leverage"] = 100,
        ["marginLevel"] = Margin > 0 ? Equity / Margin * 100 : null, ["tradeAllowed"] = true,
        ["marginMode"] = "ACCOUNT_MARGIN_MODE_RETAIL_HEDGING", ["name"] = "Will Turner", ["login"] = 367906877, ["credit"] = 0,
        ["accountCurrencyExchangeRate"] = 1, ["type"] = AccountType, ["currencyDigits"] = 2,
    };

    private static JsonObject Position(ulong id, string symbol, string type, double volume, double openPrice, string? clientId, ulong magic = 1000)
    {
        var now = DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture), ["type"] = type, ["symbol"] = symbol, ["magic"] = magic,
            ["time"] = Iso(now), ["brokerTime"] = now.AddHours(3).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            ["updateTime"] = Iso(now), ["openPrice"] = openPrice, ["currentPrice"] = openPrice, ["currentTickValue"] = 0.5994,
            ["volume"] = volume, ["swap"] = -0.5, ["profit"] = -28.472110000000026, ["commission"] = -0.5, ["clientId"] = clientId,
            ["unrealizedProfit"] = -28.4715, ["realizedProfit"] = -0.00061, ["reason"] = "POSITION_REASON_EXPERT",
        };
    }

    private static JsonObject Deal(
        ulong id, ulong orderId, ulong positionId, string symbol, string type, string entry, double volume, double price, DateTimeOffset time, string? clientId, ulong magic) => new()
    {
        ["id"] = id.ToString(CultureInfo.InvariantCulture), ["type"] = type, ["entryType"] = entry, ["symbol"] = symbol, ["magic"] = magic,
        ["time"] = Iso(time), ["brokerTime"] = time.AddHours(3).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        ["volume"] = volume, ["price"] = price, ["commission"] = -0.25, ["swap"] = 0, ["profit"] = 0,
        ["positionId"] = positionId.ToString(CultureInfo.InvariantCulture), ["orderId"] = orderId.ToString(CultureInfo.InvariantCulture),
        ["platform"] = "mt5", ["reason"] = "DEAL_REASON_EXPERT", ["clientId"] = clientId,
    };

    private static JsonObject Done(ulong orderId, ulong positionId)
    {
        var done = Code(10009, "TRADE_RETCODE_DONE", "Request completed");
        done["orderId"] = orderId.ToString(CultureInfo.InvariantCulture);
        if (positionId != 0)
        {
            done["positionId"] = positionId;
        }

        return done;
    }

    private static JsonObject Code(int numeric, string name, string message) =>
        new() { ["numericCode"] = numeric, ["stringCode"] = name, ["message"] = message };

    private JsonArray Snapshot(List<JsonObject> rows)
    {
        lock (_gate)
        {
            return new JsonArray([.. rows.Select(r => (JsonNode)r.DeepClone())]);
        }
    }

    /// <summary>A time-range page as the history endpoints give it: start inclusive, end exclusive, offset and limit.</summary>
    private JsonArray Page(List<JsonObject> rows, string start, string end, IQueryCollection query, string timeField)
    {
        var from = DateTimeOffset.Parse(Uri.UnescapeDataString(start), CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(Uri.UnescapeDataString(end), CultureInfo.InvariantCulture);
        var offset = int.Parse(query["offset"].ToString() is { Length: > 0 } o ? o : "0", CultureInfo.InvariantCulture);
        var limit = int.Parse(query["limit"].ToString() is { Length: > 0 } l ? l : "1000", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            var inRange = rows.Where(r =>
            {
                var time = DateTimeOffset.Parse((string)(r[timeField] ?? r["time"])!, CultureInfo.InvariantCulture);
                return time >= from && time < to;
            });
            return new JsonArray([.. inRange.Skip(offset).Take(Math.Min(limit, 1000)).Select(r => (JsonNode)r.DeepClone())]);
        }
    }

    /// <summary>
    /// A catalogue symbol in MetaApi's MetatraderSymbolSpecification shape, as its servers answer it: sessions on the
    /// broker's clock (UTC+3 here, as the prices' brokerTime), filling modes named SYMBOL_FILLING_*, and no
    /// profitCurrency (MetaApi leaves it out for currency pairs).
    /// </summary>
    private static JsonObject Specification(SymbolSpec spec)
    {
        static JsonObject Sessions(IReadOnlyList<TradingSession> utc)
        {
            var days = SimulatedSymbolSpec.OnBrokerClock(utc, BrokerOffsetSeconds);
            string Clock(int seconds) => seconds >= 86_400 ? "23:59:59.999" : TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
            var result = new JsonObject();
            string[] names = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];
            for (var d = 0; d < 7; d++)
            {
                result[names[d]] = new JsonArray([.. days[d].Select(r => (JsonNode)new JsonObject { ["from"] = Clock(r.From), ["to"] = Clock(r.To) })]);
            }

            return result;
        }

        static JsonArray Names(string prefix, IEnumerable<string> names) => new([.. names.Select(n => (JsonNode)JsonValue.Create(prefix + n)!)]);
        var json = new JsonObject
        {
            ["symbol"] = spec.Name,
            ["tickSize"] = spec.TickSize,
            ["minVolume"] = spec.VolumeMin,
            ["maxVolume"] = spec.VolumeMax,
            ["volumeStep"] = spec.VolumeStep,
            ["fillingModes"] = Names("SYMBOL_FILLING_", spec.FillingFlags.ToString().ToUpperInvariant().Split(", ")),
            ["executionMode"] = MqlText.Name("SYMBOL_TRADE_EXECUTION_", spec.ExecutionMode),
            ["contractSize"] = spec.ContractSize,
            ["quoteSessions"] = Sessions(spec.QuoteSessions),
            ["tradeSessions"] = Sessions(spec.TradeSessions),
            ["tradeMode"] = MqlText.Name("SYMBOL_TRADE_MODE_", spec.TradeMode),
            ["initialMargin"] = spec.MarginInitial,
            ["maintenanceMargin"] = spec.MarginMaintenance,
            ["hedgedMargin"] = spec.MarginHedged,
            ["hedgedMarginUsesLargerLeg"] = spec.MarginHedgedUseLeg,
            ["marginCurrency"] = spec.CurrencyMargin,
            ["priceCalculationMode"] = MqlText.Name("SYMBOL_CALC_MODE_", spec.CalcMode),
            ["baseCurrency"] = spec.CurrencyBase,
            ["swapMode"] = MqlText.Name("SYMBOL_SWAP_MODE_", spec.SwapMode),
            ["swapLong"] = spec.SwapLong,
            ["swapShort"] = spec.SwapShort,
            ["swapRollover3Days"] = spec.SwapRollover3Days.ToString().ToUpperInvariant(),
            ["allowedExpirationModes"] = Names("SYMBOL_EXPIRATION_", ["GTC", "DAY", "SPECIFIED", "SPECIFIED_DAY"]),
            ["allowedOrderTypes"] = Names("SYMBOL_ORDER_", ["MARKET", "LIMIT", "STOP", "STOP_LIMIT", "SL", "TP", "CLOSEBY"]),
            ["orderGTCMode"] = MqlText.Name("SYMBOL_ORDERS_", spec.GtcMode),
            ["digits"] = spec.Digits,
            ["path"] = spec.Path,
            ["description"] = spec.Description,
            ["stopsLevel"] = spec.StopsLevel,
            ["freezeLevel"] = spec.FreezeLevel,
            ["pipSize"] = spec.PipSize,
        };
        if (!spec.IsForex)
        {
            json["profitCurrency"] = spec.CurrencyProfit;
        }

        return json;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static async Task Reply(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
