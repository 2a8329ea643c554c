using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MtMcp.Engine;
using MtMcp.MetaApi;

namespace MtMcp.Server.Market;

/// <summary>
/// Connects the MetaApi account while the server runs, when <see cref="ServerSettings.MetaApi"/> is configured. The
/// connection is made off the start-up path and tried again with a growing pause (1 s up to a minute) while MetaApi
/// cannot be reached; the account appears in <see cref="AccountDirectory"/> once connected. Trading is enabled in live
/// mode only, and on a REAL account only with <c>trading.live.real_accounts</c>.
/// </summary>
internal sealed class MetaApiHost(ServerSettings settings, TimeProvider time, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_lastRetry = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = loggers.CreateLogger<MetaApiHost>();
    private HttpClient? _http;
    private Task _connecting = Task.CompletedTask;
    private MetaApiGateway? _gateway;

    /// <summary>The MetaApi account once connected; null before that and when none is configured.</summary>
    public IBrokerGateway? Gateway => Volatile.Read(ref _gateway);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.MetaApi is not { } configured)
        {
            return Task.CompletedTask;
        }

        var options = configured with { TradingEnabled = settings.Mode == ServerMode.Live, LiveTradingEnabled = settings.RealAccountsEnabled };
        // The gateway enforces its own per-request deadline; the client's must not cut it short.
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _connecting = Task.Run(() => ConnectAsync(options, _http, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        await _connecting.ConfigureAwait(false);
        if (Interlocked.Exchange(ref _gateway, null) is { } gateway)
        {
            await gateway.DisposeAsync().ConfigureAwait(false);
        }

        _http?.Dispose();
        _http = null;
    }

    private async Task ConnectAsync(MetaApiOptions options, HttpClient http, CancellationToken stopping)
    {
        var pause = s_firstRetry;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var gateway = await MetaApiGateway.ConnectAsync(options, http, time, loggers.CreateLogger<MetaApiGateway>(), stopping).ConfigureAwait(false);
                Volatile.Write(ref _gateway, gateway);
                Log.MetaApiConnected(_logger, gateway.Name, gateway.Info.TradeMode, gateway.TradingEnabled ? "enabled" : "off");
                return;
            }
            catch (GatewayUnavailableException error)
            {
                Log.MetaApiUnavailable(_logger, options.DisplayName, error.Message, pause.TotalSeconds);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(pause, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, s_lastRetry.Ticks));
        }
    }
}
