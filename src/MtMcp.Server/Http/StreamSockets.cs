using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MtMcp.Paper;
using MtMcp.Server.Market;
using MtMcp.Server.Tools;

namespace MtMcp.Server.Http;

/// <summary>
/// WebSocket streams of JSON text messages: <c>/ws/quotes?symbols=EURUSD,XAUUSD</c> sends
/// <c>{"type":"quote","quote":{…}}</c> (a snapshot first, then each change, at most once per update interval and symbol);
/// <c>/ws/accounts/{account}</c> sends <c>{"type":"account","account":{…},"positions":{…},"orders":{…}}</c> at once and
/// after every trade, fill or balance operation; <c>/ws/alerts</c> sends each alert firing (<see cref="AlertSockets"/>).
/// The client sends nothing; closing the socket ends the stream.
/// </summary>
internal static class StreamSockets
{
    /// <summary>Maps the endpoints; returns the group so the caller adds authorization.</summary>
    public static RouteGroupBuilder MapStreams(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/ws");
        group.MapGet("/quotes", QuotesAsync);
        group.MapGet("/accounts/{account}", AccountAsync);
        group.MapGet("/alerts", AlertSockets.AlertsAsync);
        return group;
    }

    private static async Task QuotesAsync(HttpContext http, ServerSettings settings, LiveQuotes quotes, TimeProvider time)
    {
        var names = http.Request.Query["symbols"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var indexes = new List<int>();
        var specs = new List<MtMcp.Domain.SymbolSpec>();
        try
        {
            if (names.Length is 0 or > MarketTools.MaxQuotes)
            {
                throw ToolErrorException.InvalidArgument("symbols", "symbols is required: 1 to 100 comma-separated names, e.g. ?symbols=EURUSD,XAUUSD.");
            }

            foreach (var name in names)
            {
                var spec = Args.Symbol(settings.Catalog, name, "symbols");
                specs.Add(spec);
                indexes.Add(quotes.IndexOf(spec.Name));
            }
        }
        catch (ToolErrorException error)
        {
            await RestApi.WriteErrorAsync(http, RestApi.Status(error.Error.ErrorCode), error.Error).ConfigureAwait(false);
            return;
        }

        var socket = await AcceptAsync(http).ConfigureAwait(false);
        if (socket is null)
        {
            return;
        }

        using (socket)
        {
            await quotes.WaitPrimedAsync(http.RequestAborted).ConfigureAwait(false);
            using var closed = WatchCloseAsync(socket, http.RequestAborted);
            var seen = new long[indexes.Count];
            Array.Fill(seen, -1);
            using var timer = new PeriodicTimer(settings.UpdateInterval, time);
            try
            {
                do
                {
                    for (var i = 0; i < indexes.Count; i++)
                    {
                        var version = quotes.Version(indexes[i]);
                        if (version != seen[i] && quotes.Latest(indexes[i]) is { } tick)
                        {
                            seen[i] = version;
                            await SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(new QuoteMessage("quote", MarketTools.Quote(specs[i], tick, time.GetUtcNow())),
                                ServerJsonContext.Default.QuoteMessage), closed.Token).ConfigureAwait(false);
                        }
                    }
                }
                while (await timer.WaitForNextTickAsync(closed.Token).ConfigureAwait(false));
            }
            catch (Exception error) when (error is OperationCanceledException or WebSocketException)
            {
            }
        }
    }

    private static async Task AccountAsync(HttpContext http, string account, ServerSettings settings, IServiceProvider services)
    {
        if (services.GetService(typeof(PaperVenue)) is not PaperVenue venue || !ScopeFilter.Allows(settings, settings.Auth.IsConfigured ? http.User : null, "get_account"))
        {
            await RestApi.WriteErrorAsync(http, StatusCodes.Status404NotFound,
                new ToolError(ToolErrorCodes.NotAvailable, "Account streams need the account toolset.", Retryable: false)).ConfigureAwait(false);
            return;
        }

        var service = await venue.GetAsync(http.RequestAborted).ConfigureAwait(false);
        string name;
        try
        {
            name = TradingMap.Account(service, account);
        }
        catch (ToolErrorException error)
        {
            await RestApi.WriteErrorAsync(http, RestApi.Status(error.Error.ErrorCode), error.Error).ConfigureAwait(false);
            return;
        }

        var socket = await AcceptAsync(http).ConfigureAwait(false);
        if (socket is null)
        {
            return;
        }

        using (socket)
        using (var updates = service.Subscribe())
        {
            using var closed = WatchCloseAsync(socket, http.RequestAborted);
            try
            {
                while (true)
                {
                    var message = new AccountMessage("account", AccountViews.Details(service, name, settings), AccountViews.Positions(service, name, null), AccountViews.Orders(service, name, null));
                    await SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(message, ServerJsonContext.Default.AccountMessage), closed.Token).ConfigureAwait(false);
                    AccountUpdate update;
                    do
                    {
                        update = await updates.Updates.ReadAsync(closed.Token).ConfigureAwait(false);
                    }
                    while (!update.Account.Equals(name, StringComparison.OrdinalIgnoreCase));

                    // Updates that arrived together make one message: it carries the whole state.
                    while (updates.Updates.TryRead(out _))
                    {
                    }
                }
            }
            catch (Exception error) when (error is OperationCanceledException or WebSocketException)
            {
            }
        }
    }

    internal static async Task<WebSocket?> AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await RestApi.WriteErrorAsync(http, StatusCodes.Status400BadRequest,
                new ToolError(ToolErrorCodes.InvalidArgument, "This endpoint is a WebSocket: connect with ws:// (Upgrade: websocket).", Retryable: false)).ConfigureAwait(false);
            return null;
        }

        return await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
    }

    // Reads (and drops) what the client sends; cancels when it closes the socket or the request ends.
    internal static CancellationTokenSource WatchCloseAsync(WebSocket socket, CancellationToken aborted)
    {
        var closed = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        _ = Task.Run(async () =>
        {
            var buffer = new byte[256];
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var received = await socket.ReceiveAsync(buffer, closed.Token).ConfigureAwait(false);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                        break;
                    }
                }
            }
            catch (Exception error) when (error is OperationCanceledException or WebSocketException)
            {
            }
            finally
            {
                await closed.CancelAsync().ConfigureAwait(false);
            }
        }, CancellationToken.None);
        return closed;
    }

    internal static Task SendAsync(WebSocket socket, byte[] message, CancellationToken cancellationToken) =>
        socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}

/// <summary>A quote on the quote stream.</summary>
internal sealed record QuoteMessage(string Type, QuoteInfo Quote);

/// <summary>An account's state on the account stream.</summary>
internal sealed record AccountMessage(string Type, AccountDetails Account, PositionList Positions, OrderList Orders);
