using MtMcp.Domain;
using MtMcp.Live;
using MtMcp.Paper;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>Shared by the live strategy tools: the service, errors, and the views.</summary>
internal static class LiveStrategyMap
{
    /// <summary>The live strategies once the venue is ready; NOT_AVAILABLE when no paper venue runs in this configuration.</summary>
    public static async Task<(LiveStrategyService Service, PaperTradingService Paper)> GetAsync(
        LiveStrategies? strategies, PaperVenue? venue, string tool, CancellationToken cancellationToken)
    {
        if (strategies is null || venue is null)
        {
            throw new ToolErrorException(new ToolError(ToolErrorCodes.NotAvailable,
                $"{tool} needs the paper venue, which this server's toolsets do not run; enable the strategy toolset.", Retryable: false));
        }

        return (await strategies.GetAsync(cancellationToken).ConfigureAwait(false), await venue.GetAsync(cancellationToken).ConfigureAwait(false));
    }

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

    public static LiveStrategyView View(PaperTradingService paper, LiveStrategyStatus status)
    {
        var record = status.Record;
        var spec = record.Spec;
        List<PositionInfo> positions;
        try
        {
            positions = paper.Read(spec.Account, a => status.Positions.Select(p => TradingMap.Position(a, p)).ToList());
        }
        catch (KeyNotFoundException)
        {
            positions = [];
        }

        return new LiveStrategyView(
            record.Id, spec.Document is null ? spec.Strategy : "inline:" + spec.Strategy, TradingMap.Name(record.State), spec.Account, spec.Symbol,
            spec.Timeframe.Name(), record.Magic, spec.Parameters, spec.Lots, Args.FormatMilliseconds(record.StartedMs),
            record.StoppedMs is { } stopped ? Args.FormatMilliseconds(stopped) : null, record.Error is null ? null : UntrustedText.Clean(record.Error, 400),
            status.Bars, positions.Count, Math.Round(status.FloatingProfit, 2), status.RealizedProfit, status.Deals, positions,
            [.. status.Signals.Select(s => new StrategySignalInfo(
                Args.FormatMilliseconds(s.TimeMs), Args.FormatSeconds(s.BarTime), s.Action, s.Volume, s.Price, (int)s.Retcode,
                TradeRetcodes.MqlName((int)s.Retcode) ?? "", UntrustedText.Clean(s.Message, 200)))]);
    }
}
