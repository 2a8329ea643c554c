using MtMcp.Domain;
using MtMcp.Live;
using MtMcp.Engine;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>Shared by the live strategy tools: the service, errors, and the views.</summary>
internal static class LiveStrategyMap
{
    /// <summary>The live strategies once the paper venue is ready; NOT_AVAILABLE when they do not run in this configuration.</summary>
    public static async Task<LiveStrategyService> GetAsync(LiveStrategies? strategies, string tool, CancellationToken cancellationToken) =>
        strategies is null
            ? throw new ToolErrorException(new ToolError(ToolErrorCodes.NotAvailable,
                $"{tool} needs the live strategies, which this server's toolsets do not run; enable the strategy toolset.", Retryable: false))
            : await strategies.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>A broker that could not be reached: NOT_AVAILABLE, retryable when the gateway says so.</summary>
    public static ToolErrorException Unavailable(string message, GatewayUnavailableException error) =>
        new(new ToolError(ToolErrorCodes.NotAvailable, $"{message} ({UntrustedText.Clean(error.Message, 200)})", Retryable: error.IsTransient, "account"));

    /// <summary>Runs a lookup by strategy id: an unknown id is INVALID_ARGUMENT listing the ids.</summary>
    public static T Find<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (KeyNotFoundException e)
        {
            throw ToolErrorException.InvalidArgument("id", UntrustedText.Clean(e.Message, 800));
        }
    }

    public static LiveStrategyView View(LiveStrategyStatus status)
    {
        var record = status.Record;
        var spec = record.Spec;
        var positions = status.Positions.Select(TradingMap.Position).ToList();
        return new LiveStrategyView(
            record.Id, spec.Document is null ? spec.Strategy : "inline:" + spec.Strategy, TradingMap.Name(record.State), spec.Account, spec.Venue, spec.Symbol,
            spec.Timeframe.Name(), record.Magic, spec.Parameters, spec.Lots, Args.FormatMilliseconds(record.StartedMs),
            record.StoppedMs is { } stopped ? Args.FormatMilliseconds(stopped) : null, record.Error is null ? null : UntrustedText.Clean(record.Error, 400),
            status.Bars, positions.Count, Math.Round(status.FloatingProfit, 2), status.RealizedProfit, status.Deals, positions,
            [.. status.Signals.Select(s => new StrategySignalInfo(
                Args.FormatMilliseconds(s.TimeMs), Args.FormatSeconds(s.BarTime), s.Action, s.Volume, s.Price, (int)s.Retcode,
                TradeRetcodes.MqlName((int)s.Retcode) ?? "", UntrustedText.Clean(s.Message, 200)))],
            status.AccountUnavailable is { } why ? UntrustedText.Clean(why, 300) : null);
    }
}
