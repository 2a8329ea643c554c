namespace MtMcp.Engine.Tests.Accounting;

/// <summary>Seeded, stateless slippage: fixed plus a uniform draw from 0..RandomPoints keyed by the deal ticket.</summary>
public sealed class SlippageGeneratorTests
{
    [Fact]
    public void Points_NoneModelAndDefaultValue_NeverSlip()
    {
        var none = new SlippageGenerator(SlippageModel.None);

        for (ulong ticket = 1; ticket <= 100; ticket++)
        {
            Assert.Equal(0, none.Points(ticket));
            Assert.Equal(0, default(SlippageGenerator).Points(ticket));
        }
    }

    [Fact]
    public void Points_FixedOnly_IsTheFixedPart()
    {
        var generator = new SlippageGenerator(new SlippageModel(FixedPoints: 3));

        Assert.Equal(3, generator.Points(1));
        Assert.Equal(3, generator.Points(ulong.MaxValue));
        Assert.Equal(3, generator.MaxPoints);
    }

    [Fact]
    public void Points_SameSeedAndTicket_IsTheSameAcrossInstances()
    {
        // A restarted account builds a new generator: the same deal must slip the same way.
        var model = new SlippageModel(FixedPoints: 1, RandomPoints: 10, Seed: 42);
        var first = new SlippageGenerator(model);
        var second = new SlippageGenerator(model with { });

        for (ulong ticket = 1; ticket <= 1000; ticket++)
        {
            Assert.Equal(first.Points(ticket), second.Points(ticket));
        }
    }

    [Fact]
    public void Points_DifferentSeeds_GiveDifferentSequences()
    {
        var a = new SlippageGenerator(new SlippageModel(RandomPoints: 10, Seed: 1));
        var b = new SlippageGenerator(new SlippageModel(RandomPoints: 10, Seed: 2));

        var differences = 0;
        for (ulong ticket = 1; ticket <= 1000; ticket++)
        {
            differences += a.Points(ticket) != b.Points(ticket) ? 1 : 0;
        }

        // Independent uniform draws on 11 values agree about 1 time in 11.
        Assert.InRange(differences, 800, 1000);
    }

    [Fact]
    public void Points_RandomPart_IsUniformOverZeroToRandomPoints()
    {
        // 22 000 consecutive tickets over 0..10 (11 buckets of 2 000 expected): every bucket within ±10 %
        // (a binomial standard deviation is about 43, so ±200 is over 4.5 σ), and never outside 2..12.
        var generator = new SlippageGenerator(new SlippageModel(FixedPoints: 2, RandomPoints: 10, Seed: 7));
        var counts = new int[11];
        for (ulong ticket = 1; ticket <= 22_000; ticket++)
        {
            var points = generator.Points(ticket);
            Assert.InRange(points, 2, 12);
            counts[points - 2]++;
        }

        Assert.All(counts, count => Assert.InRange(count, 1800, 2200));
    }

    [Fact]
    public void Constructor_NegativeParts_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlippageGenerator(new SlippageModel(FixedPoints: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlippageGenerator(new SlippageModel(RandomPoints: -1)));
    }
}
