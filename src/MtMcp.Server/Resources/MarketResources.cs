using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using MtMcp.Server.Market;
using MtMcp.Server.Tools;

namespace MtMcp.Server.Resources;

/// <summary>The market resources: a symbol's live quote and its specification (JSON, the shapes of <c>get_quote</c> and <c>get_symbol</c>).</summary>
[McpServerResourceType]
internal sealed class MarketResources(ServerSettings settings, LiveQuotes quotes, TimeProvider time)
{
    [McpServerResource(UriTemplate = ResourceUris.Quote, Name = "quote", Title = "Live quote", MimeType = ResourceUris.Json)]
    [Description("The latest bid and ask of a symbol on the live demo market (subscribe to be told when it changes; updates are throttled).")]
    public async Task<string> Quote([Description("Symbol name, e.g. EURUSD.")] string symbol, CancellationToken cancellationToken)
    {
        var spec = ResourceUris.Symbol(settings, symbol);
        var tick = await quotes.GetAsync(spec.Name, cancellationToken).ConfigureAwait(false)
            ?? throw new McpException($"{spec.Name} has no quote yet on the demo market.");
        return JsonSerializer.Serialize(MarketTools.Quote(spec, tick, time.GetUtcNow()), ServerJsonContext.Default.QuoteInfo);
    }

    [McpServerResource(UriTemplate = ResourceUris.SymbolSpec, Name = "symbol", Title = "Symbol specification", MimeType = ResourceUris.Json)]
    [Description("The full MetaTrader 5 specification of a symbol (digits, tick size, contract size, volumes, margin, swaps, sessions).")]
    public string Symbol([Description("Symbol name, e.g. EURUSD.")] string symbol) =>
        JsonSerializer.Serialize(MarketTools.Details(ResourceUris.Symbol(settings, symbol)), ServerJsonContext.Default.SymbolDetails);
}
