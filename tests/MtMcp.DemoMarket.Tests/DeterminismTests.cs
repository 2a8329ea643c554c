using System.Security.Cryptography;
using MtMcp.Domain;

namespace MtMcp.DemoMarket.Tests;

public sealed class DeterminismTests
{
    private static readonly string[] s_symbols = ["EURUSD", "GBPUSD", "EURGBP", "USDJPY", "XAUUSD", "US500", "BTCUSD"];

    [Fact]
    public void GenerateTicks_SameSeed_IdenticalHash()
    {
        var from = TestMarkets.Monday.AddHours(7);
        var first = TickHash(TestMarkets.Of(s_symbols), from, from.AddHours(6), out var count);
        var second = TickHash(TestMarkets.Of(s_symbols), from, from.AddHours(6), out _);
        Assert.True(count > 100_000, $"only {count} ticks");
        Assert.Equal(first, second);
    }

    [Fact]
    public void GenerateTicks_DifferentSeed_DifferentHash()
    {
        var from = TestMarkets.Monday.AddHours(7);
        var first = TickHash(TestMarkets.Of(s_symbols), from, from.AddHours(1), out _);
        var other = new DemoMarket(TestMarkets.Options(s_symbols) with { Seed = 12345 });
        Assert.NotEqual(first, TickHash(other, from, from.AddHours(1), out _));
    }

    [Fact]
    public void GenerateM1_SameSeed_IdenticalHash()
    {
        var to = TestMarkets.Start.AddDays(60);
        foreach (var symbol in s_symbols)
        {
            var first = BarHash(TestMarkets.Of(s_symbols).GenerateM1(symbol, TestMarkets.Start, to));
            var second = BarHash(TestMarkets.Of(s_symbols).GenerateM1(symbol, TestMarkets.Start, to));
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void GenerateM1_DifferentSeed_DifferentBars()
    {
        var to = TestMarkets.Start.AddDays(5);
        var first = TestMarkets.Of(s_symbols).GenerateM1("EURUSD", TestMarkets.Start, to);
        var other = new DemoMarket(TestMarkets.Options(s_symbols) with { Seed = 12345 }).GenerateM1("EURUSD", TestMarkets.Start, to);
        Assert.NotEqual(BarHash(first), BarHash(other));
    }

    [Fact]
    public void GenerateTicks_SubRange_EqualsTheLongerStreamCutToIt()
    {
        var market = TestMarkets.Of(s_symbols);
        var from = TestMarkets.Monday.AddHours(9);
        var cut = from.AddMinutes(37).AddSeconds(13.5);
        var to = from.AddHours(2);
        var longer = market.GenerateTicks(from, to).Where(t => t.Tick.TimeMs >= cut.ToUnixTimeMilliseconds()).ToList();
        var shorter = market.GenerateTicks(cut, to).ToList();
        Assert.NotEmpty(shorter);
        Assert.Equal(longer, shorter);
    }

    [Fact]
    public void GenerateTicks_EnumeratedTwice_GivesTheSameTicksTwice()
    {
        var ticks = TestMarkets.Of("EURUSD").GenerateTicks(TestMarkets.Monday.AddHours(9), TestMarkets.Monday.AddHours(9).AddMinutes(10));
        var first = ticks.ToList();
        Assert.NotEmpty(first);
        Assert.Equal(first, ticks.ToList());
    }

    [Fact]
    public void GenerateM1_SubRange_EqualsTheLongerHistoryCutToIt()
    {
        var market = TestMarkets.Of("EURUSD");
        var all = market.GenerateM1("EURUSD", TestMarkets.Start, TestMarkets.Start.AddDays(20));
        var from = TestMarkets.Start.AddDays(11).AddMinutes(3);
        var part = market.GenerateM1("EURUSD", from, TestMarkets.Start.AddDays(20));
        Assert.Equal(all.Where(b => b.Time >= from.ToUnixTimeSeconds()), part);
    }

    [Fact]
    public void GenerateM1_AddingSymbols_LeavesExistingSymbolsUnchanged()
    {
        var to = TestMarkets.Start.AddDays(30);
        var alone = TestMarkets.Of("EURUSD").GenerateM1("EURUSD", TestMarkets.Start, to);
        var full = new DemoMarket(new DemoMarketOptions()).GenerateM1("EURUSD", TestMarkets.Start, to);
        Assert.Equal(BarHash(alone), BarHash(full));
    }

    [Fact]
    public void GenerateTicks_AddingSymbols_LeavesExistingSymbolsUnchanged()
    {
        var from = TestMarkets.Monday.AddHours(13);
        var to = from.AddMinutes(30);
        var few = TestMarkets.Of("EURUSD", "GBPUSD").GenerateTicks(from, to).Where(t => t.Symbol == "EURUSD").ToList();
        var many = TestMarkets.Of(s_symbols).GenerateTicks(from, to).Where(t => t.Symbol == "EURUSD").ToList();
        Assert.True(few.Count > 1000, $"only {few.Count} ticks");
        Assert.Equal(few, many);
    }

    [Fact]
    public void GenerateM1_FarFromStart_CheckpointedWalkEqualsWalkFromStart()
    {
        var market = TestMarkets.Of(s_symbols);
        var from = TestMarkets.Start.AddDays(200).AddHours(5);
        var to = from.AddDays(3);

        // Ticks first, so the weekly checkpoints exist and the bars start from one of them.
        Assert.NotEmpty(market.GenerateTicks(from, from.AddMinutes(1)));
        var checkpointed = market.GenerateM1("USDJPY", from, to);

        // A spec with other sessions (the same hours, listed in another order) is priced by a model of its own,
        // walked from the start.
        var original = SymbolCatalog.BuiltIn.Get("USDJPY");
        var spec = original with { QuoteSessions = [.. original.QuoteSessions.Reverse()] };
        var fromStart = market.GenerateM1(spec, from, to);
        Assert.True(checkpointed.Length > 3000, $"{checkpointed.Length} bars");
        Assert.Equal(BarHash(fromStart), BarHash(checkpointed));
    }

    [Fact]
    public void GenerateM1_ConcurrentQueriesFarFromStart_EqualSequentialOnes()
    {
        var from = TestMarkets.Start.AddDays(120);
        var to = from.AddDays(2);
        var sequential = TestMarkets.Of(s_symbols);
        var expected = s_symbols.Select(s => BarHash(sequential.GenerateM1(s, from, to))).ToArray();

        var shared = TestMarkets.Of(s_symbols);
        var actual = new string[s_symbols.Length];
        Parallel.For(0, s_symbols.Length, i => actual[i] = BarHash(shared.GenerateM1(s_symbols[i], from, to)));
        Assert.Equal(expected, actual);
    }

    private static string TickHash(DemoMarket market, DateTimeOffset from, DateTimeOffset to, out long count)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[36];
        count = 0;
        foreach (var (symbol, tick) in market.GenerateTicks(from, to))
        {
            BitConverter.TryWriteBytes(buffer, tick.TimeMs);
            BitConverter.TryWriteBytes(buffer[8..], tick.Bid);
            BitConverter.TryWriteBytes(buffer[16..], tick.Ask);
            BitConverter.TryWriteBytes(buffer[24..], (int)tick.Flags);
            BitConverter.TryWriteBytes(buffer[28..], StableHash(symbol));
            hash.AppendData(buffer);
            count++;
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string BarHash(Bar[] bars)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[60];
        foreach (var bar in bars)
        {
            BitConverter.TryWriteBytes(buffer, bar.Time);
            BitConverter.TryWriteBytes(buffer[8..], bar.Open);
            BitConverter.TryWriteBytes(buffer[16..], bar.High);
            BitConverter.TryWriteBytes(buffer[24..], bar.Low);
            BitConverter.TryWriteBytes(buffer[32..], bar.Close);
            BitConverter.TryWriteBytes(buffer[40..], bar.TickVolume);
            BitConverter.TryWriteBytes(buffer[48..], bar.Spread);
            BitConverter.TryWriteBytes(buffer[52..], bar.RealVolume);
            hash.AppendData(buffer);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static long StableHash(string text)
    {
        long h = 17;
        foreach (var c in text)
        {
            h = (h * 31) + c;
        }

        return h;
    }
}
