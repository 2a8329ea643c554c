using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using MtMcp.Server.Market;
using MtMcp.Server.Tools;

namespace MtMcp.Server.Resources;

/// <summary>The live strategy resource: one strategy's status, the shape of a <c>get_strategy_status</c> entry.</summary>
[McpServerResourceType]
internal sealed class StrategyResources(LiveStrategies strategies)
{
    [McpServerResource(UriTemplate = ResourceUris.Strategy, Name = "strategy", Title = "Live strategy", MimeType = ResourceUris.Json)]
    [Description("A live strategy's state, open positions, floating and realized P/L and recent signals. Subscribe to be told when it "
        + "starts, stops or fails, sends an order, or one of its positions or orders fills.")]
    public async Task<string> Strategy([Description("Strategy id, as start_strategy returned it, e.g. sma_cross-1.")] string id, CancellationToken cancellationToken)
    {
        var service = await strategies.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Serialize(LiveStrategyMap.View(service.Status(id)), ServerJsonContext.Default.LiveStrategyView);
        }
        catch (KeyNotFoundException error)
        {
            throw new McpProtocolException(UntrustedText.Clean(error.Message, 800), McpErrorCode.ResourceNotFound);
        }
    }
}
