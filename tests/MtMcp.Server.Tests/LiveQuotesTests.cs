using System.Text.Json;
using MtMcp.DemoMarket;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>The live quotes behind get_quote: primed from the demo market, resumed from the walk saved in the data directory.</summary>
public sealed class LiveQuotesTests
{
    private static readonly Dictionary<string, object?> s_quoteArguments = new() { ["symbols"] = new[] { "EURUSD", "XAUUSD" } };

    [Fact]
    public async Task GetQuote_RestartOnSameDataDirectory_ResumesTheSavedWalkWithTheSameQuotes()
    {
        using var data = new TempDirectory();
        var file = Path.Combine(data.Path, "demo", "walk-checkpoints.bin");
        JsonElement first;
        await using (var server = await ServerHarness.StartAsync(s => s with { DataDirectory = data.Path }))
        {
            first = await server.CallOkAsync("get_quote", s_quoteArguments);
        }

        Assert.True(File.Exists(file), "the first server did not save the demo market's walk");
        var written = File.GetLastWriteTimeUtc(file);

        JsonElement second;
        await using (var server = await ServerHarness.StartAsync(s => s with { DataDirectory = data.Path }))
        {
            second = await server.CallOkAsync("get_quote", s_quoteArguments);
        }

        Assert.Equal(first.GetRawText(), second.GetRawText());
        // The second server found every week it needed in the file: it walked nothing from the start and saved nothing.
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));

        // Both equal the last tick of the last ten minutes on a market built without any file.
        var market = new DemoMarket.DemoMarket(new DemoMarketOptions());
        var last = market.GenerateTicks(ServerHarness.Now.AddMinutes(-10), ServerHarness.Now).Last(t => t.Symbol == "EURUSD").Tick;
        var quote = second.GetProperty("quotes")[0];
        Assert.Equal("EURUSD", quote.GetProperty("symbol").GetString());
        Assert.Equal(last.Bid, quote.GetProperty("bid").GetDouble());
        Assert.Equal(last.Ask, quote.GetProperty("ask").GetDouble());
    }
}
