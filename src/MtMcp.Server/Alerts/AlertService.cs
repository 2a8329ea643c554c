using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MtMcp.Domain;
using MtMcp.Server.Market;
using MtMcp.Server.Resources;
using MtMcp.Server.Tools;

namespace MtMcp.Server.Alerts;

/// <summary>
/// Runs the alerts: price alerts on every tick of the live feed (<see cref="AlertBook.OnTick"/>), condition alerts on
/// each bar of their timeframe that closes, and the delivery of each firing: recorded in the book, pushed as
/// <c>notifications/resources/updated</c> for <c>mt://alerts</c> and <c>mt://alerts/{id}</c>, sent on <c>/ws/alerts</c>
/// and POSTed to the alert's webhook.
/// </summary>
/// <remarks>Thread-safe. A webhook that fails or times out is logged and never retried; it never stops the alerts.</remarks>
internal sealed class AlertService : BackgroundService
{
    /// <summary>Closed bars a condition alert is evaluated over (indicator warm-up included).</summary>
    public const int ConditionBars = 300;

    /// <summary>How long a webhook may take before it is abandoned.</summary>
    public static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(5);

    private const string ListUri = "mt://alerts";

    private readonly ServerSettings _settings;
    private readonly LiveQuotes _quotes;
    private readonly MarketHistory _history;
    private readonly ResourceSubscriptions _subscriptions;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertService> _logger;
    private readonly HttpClient _http = new() { Timeout = WebhookTimeout };
    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private readonly List<Channel<AlertEvent>> _streams = [];
    private readonly Dictionary<string, ConditionState> _conditions = new(StringComparer.Ordinal);

    public AlertService(ServerSettings settings, LiveQuotes quotes, MarketHistory history, ResourceSubscriptions subscriptions, TimeProvider time, ILogger<AlertService> logger)
    {
        (_settings, _quotes, _history, _subscriptions, _time, _logger) = (settings, quotes, history, subscriptions, time, logger);
        Book = new AlertBook(Path.Combine(settings.DataDirectory, "alerts"), quotes.Symbols.Count, quotes.IndexOf);
        quotes.Listen(Book.OnTick);
    }

    /// <summary>The alerts.</summary>
    public AlertBook Book { get; }

    /// <summary>Adds an alert (a price alert starts from the current quote) and tells resource subscribers.</summary>
    /// <exception cref="ToolErrorException">TOO_LARGE: too many alerts.</exception>
    public AlertRecord Create(AlertRecord draft)
    {
        var reference = double.NaN;
        if (draft.Type == AlertTypes.Price && _quotes.IndexOf(draft.Symbol) is var i and >= 0 && _quotes.Latest(i) is { } tick)
        {
            reference = draft.Side == AlertSides.Ask ? tick.Ask : tick.Bid;
        }

        var alert = Book.Add(draft, reference);
        _changed.Writer.TryWrite(alert.Id);
        return alert;
    }

    /// <summary>Deletes an alert; false when there is none.</summary>
    public bool Delete(string id)
    {
        var deleted = Book.Delete(id);
        if (deleted)
        {
            _changed.Writer.TryWrite(id);
        }

        return deleted;
    }

    /// <summary>Starts receiving every firing as an <see cref="AlertEvent"/> (the WebSocket stream); dispose to stop.</summary>
    public AlertStream Subscribe()
    {
        var channel = Channel.CreateBounded<AlertEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            _streams.Add(channel);
        }

        return new AlertStream(channel.Reader, () =>
        {
            lock (_lock)
            {
                _streams.Remove(channel);
            }
        });
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await Task.WhenAll(DeliverAsync(stoppingToken), PublishAsync(stoppingToken), WatchConditionsAsync(stoppingToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        await foreach (var fired in Book.Fired.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            AlertRecord? recorded;
            try
            {
                recorded = Book.Get(fired.Id) is { } alert ? Book.Record(fired, Describe(alert, fired)) : null;
            }
            catch (IOException error)
            {
                // The alerts file cannot be written: keep delivering, the log says what went wrong.
                Log.AlertFailed(_logger, fired.Id, error);
                continue;
            }

            if (recorded is null)
            {
                continue;
            }

            var firing = recorded.Firings[^1];
            Log.AlertFired(_logger, recorded.Id, recorded.Symbol, firing.Message);
            var message = new AlertEvent("alert", recorded.Id, recorded.Symbol, recorded.Type, firing.Time, firing.Value, firing.Message, recorded.Note);
            lock (_lock)
            {
                foreach (var stream in _streams)
                {
                    stream.Writer.TryWrite(message);
                }
            }

            _changed.Writer.TryWrite(recorded.Id);
            if (recorded.WebhookUrl is { } url)
            {
                // Not awaited: a slow endpoint must not hold up the next firing.
                _ = PostAsync(url, message, cancellationToken);
            }
        }
    }

    private async Task PostAsync(string url, AlertEvent message, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(message, ServerJsonContext.Default.AlertEvent));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(new Uri(url), content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Log.WebhookRejected(_logger, message.AlertId, (int)response.StatusCode);
            }
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                Log.WebhookFailed(_logger, message.AlertId, error.GetType().Name);
            }
        }
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        await foreach (var id in _changed.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var uri in (string[])[ListUri, ListUri + "/" + Uri.EscapeDataString(id)])
            {
                await _subscriptions.NotifyAsync(uri, _logger, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WatchConditionsAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_settings.UpdateInterval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            CheckConditions(_time.GetUtcNow().ToUnixTimeSeconds());
        }
    }

    /// <summary>
    /// Evaluates each condition alert once per bar of its timeframe, on the bar that closed last; an alert seen for the
    /// first time starts with the bar forming now.
    /// </summary>
    internal void CheckConditions(long now)
    {
        foreach (var alert in Book.List())
        {
            if (alert.Type != AlertTypes.Condition || !alert.Active || !Timeframes.TryParse(alert.Timeframe, out var parsed)
                || !_settings.Catalog.TryGet(alert.Symbol, out var spec))
            {
                continue;
            }

            try
            {
                Check(alert, spec, parsed.Value, now);
            }
            catch (Exception error) when (error is ToolErrorException or IOException or InvalidOperationException or ArgumentException)
            {
                // One alert's bad data (a condition that no longer compiles, a store error) must not stop the others.
                Log.AlertFailed(_logger, alert.Id, error);
            }
        }
    }

    private void Check(AlertRecord alert, SymbolSpec spec, Timeframe tf, long now)
    {
        var forming = tf.BarOpenTime(now);
        if (!_conditions.TryGetValue(alert.Id, out var state))
        {
            _conditions[alert.Id] = new ConditionState { CheckedUpTo = forming };
            return;
        }

        if (forming <= state.CheckedUpTo)
        {
            return;
        }

        state.CheckedUpTo = forming;
        var (bars, _) = _history.GetBars(spec, tf, null, null, ConditionBars + 1);
        var count = bars.Length > 0 && tf.NextBarOpenTime(bars[^1].Time) > now ? bars.Length - 1 : bars.Length;
        if (count == 0 || bars[count - 1].Time <= state.LastBar)
        {
            return;
        }

        var last = bars[count - 1];
        state.LastBar = last.Time;
        var condition = MarketAnalysisTools.Compile(alert.Condition, tf);
        for (var i = Math.Max(0, count - ConditionBars); i < count; i++)
        {
            condition.Add(bars[i]);
        }

        var closeTime = tf.NextBarOpenTime(last.Time);
        if (condition.IsReady && condition.IsTrue && closeTime - state.LastFired >= alert.CooldownSeconds)
        {
            state.LastFired = closeTime;
            Book.Fire(new AlertFired(alert.Id, closeTime * 1000, last.Close));
        }
    }

    private static string Describe(AlertRecord alert, AlertFired fired) => alert.Type == AlertTypes.Price
        ? string.Create(CultureInfo.InvariantCulture, $"{alert.Symbol} {alert.Side} crossed {alert.Direction} {alert.Level} at {fired.Value}.")
        : string.Create(CultureInfo.InvariantCulture, $"{alert.Symbol} {alert.Timeframe} bar closing {Args.FormatMilliseconds(fired.TimeMs)} met '{alert.Condition}' (close {fired.Value}).");

    /// <summary>Where a condition alert's evaluation stands (bar open times and the last firing's close time, Unix seconds).</summary>
    private sealed class ConditionState
    {
        public long CheckedUpTo { get; set; }

        public long LastBar { get; set; } = long.MinValue;

        public long LastFired { get; set; } = long.MinValue / 2;
    }
}

/// <summary>A subscription to the alert firings; disposing it ends the subscription.</summary>
internal sealed class AlertStream(ChannelReader<AlertEvent> events, Action end) : IDisposable
{
    /// <summary>The firings, in order.</summary>
    public ChannelReader<AlertEvent> Events => events;

    public void Dispose() => end();
}
