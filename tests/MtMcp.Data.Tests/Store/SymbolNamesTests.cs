using MtMcp.Data.Store;
using MtMcp.Domain;
using MtMcp.Testing;

namespace MtMcp.Data.Tests.Store;

public sealed class SymbolNamesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("EURUSD", "EURUSD")]
    [InlineData("eurusd.m", "EURUSD.M")]
    [InlineData("#US30", "#US30")]
    [InlineData("BTC-USD_i", "BTC-USD_I")]
    [InlineData(".DE40", ".DE40")]
    [InlineData("EURUSD.", "EURUSD.~")]
    public void ToFolderName_AllowedName_IsUpperCase(string symbol, string expected) =>
        Assert.Equal(expected, SymbolNames.ToFolderName(symbol, nameof(symbol)));

    [Theory]
    [InlineData("", "1 to 64")]
    [InlineData("EUR/USD", "'/'")]
    [InlineData("EUR\\USD", "'\\'")]
    [InlineData("EUR USD", "U+0020")]
    [InlineData("EURUSD\n", "U+000A")]
    [InlineData("EURUSD:", "':'")]
    [InlineData("Ünicode", "'Ü'")]
    [InlineData(".", "'..'")]
    [InlineData("..", "'..'")]
    [InlineData("A..B", "'..'")]
    [InlineData("con", "reserved")]
    [InlineData("LPT1.X", "reserved")]
    public void WriteBars_ForbiddenSymbol_ThrowsSayingWhy(string symbol, string reason)
    {
        using var store = new MarketDataStore(_temp.Path);

        var onWrite = Assert.Throws<ArgumentException>(() => store.WriteBars(symbol, Timeframe.M1, [new Bar(60, 1, 1, 1, 1, 1, 1, 1)]));
        var onOpen = Assert.Throws<ArgumentException>(() => store.OpenTicks(symbol));

        Assert.Equal("symbol", onWrite.ParamName);
        Assert.Contains(reason, onWrite.Message, StringComparison.Ordinal);
        Assert.Contains(reason, onOpen.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void ToFolderName_TooLong_Throws()
    {
        Assert.Equal(new string('A', 64), SymbolNames.ToFolderName(new string('a', 64), "symbol"));
        Assert.Throws<ArgumentException>(() => SymbolNames.ToFolderName(new string('a', 65), "symbol"));
    }

    [Fact]
    public void WriteBars_UndefinedTimeframe_Throws()
    {
        using var store = new MarketDataStore(_temp.Path);

        Assert.Throws<ArgumentOutOfRangeException>(() => store.WriteBars("EURUSD", (Timeframe)7, [new Bar(60, 1, 1, 1, 1, 1, 1, 1)]));
    }
}
