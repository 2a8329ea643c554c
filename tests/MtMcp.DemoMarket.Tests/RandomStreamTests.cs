using MtMcp.DemoMarket.Random;

namespace MtMcp.DemoMarket.Tests;

public sealed class RandomStreamTests
{
    [Fact]
    public void SplitMix64_Seed1234567_MatchesPublishedOutputs()
    {
        // Rosetta Code, "Pseudo-random numbers/Splitmix64".
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        var state = 1234567UL;
        foreach (var value in expected)
        {
            Assert.Equal(value, SplitMix64.Next(ref state));
        }
    }

    [Fact]
    public void Xoshiro256StarStar_State1234_MatchesReferenceImplementation()
    {
        // Outputs of the authors' xoshiro256starstar.c from state {1, 2, 3, 4}, as published with rand_xoshiro.
        ulong[] expected =
        [
            11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
            607988272756665600, 16172922978634559625, 8476171486693032832,
            10595114339597558777, 2904607092377533576,
        ];
        var random = new Xoshiro256StarStar(1, 2, 3, 4);
        foreach (var value in expected)
        {
            Assert.Equal(value, random.NextUInt64());
        }
    }

    [Theory]
    [InlineData("", 0xCBF29CE484222325)]
    [InlineData("a", 0xAF63DC4C8601EC8C)]
    [InlineData("foobar", 0x85944171F73967E8)]
    public void Fnv1a64_ReferenceStrings_MatchPublishedHashes(string text, ulong expected) =>
        Assert.Equal(expected, StreamSeeds.Fnv1a64(text));

    [Fact]
    public void NextNormal_Million_HasStandardMoments()
    {
        var random = Xoshiro256StarStar.FromSeed(42);
        const int N = 1_000_000;
        double sum = 0, sum2 = 0, sum4 = 0;
        for (var i = 0; i < N; i++)
        {
            var z = random.NextNormal();
            sum += z;
            sum2 += z * z;
            sum4 += z * z * z * z;
        }

        var mean = sum / N;
        var variance = (sum2 / N) - (mean * mean);

        // Standard errors: mean 0.001, variance 0.0014, fourth moment 0.01.
        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(variance, 0.993, 1.007);
        Assert.InRange(sum4 / N, 2.95, 3.05);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(6)]
    [InlineData(29.5)]
    [InlineData(180)]
    public void NextPoisson_ManyDraws_MeanAndVarianceEqualTheMean(double mean)
    {
        var random = Xoshiro256StarStar.FromSeed(7);
        const int N = 200_000;
        double sum = 0, sum2 = 0;
        for (var i = 0; i < N; i++)
        {
            double k = random.NextPoisson(mean);
            sum += k;
            sum2 += k * k;
        }

        var sampleMean = sum / N;
        var sampleVariance = (sum2 / N) - (sampleMean * sampleMean);
        Assert.InRange(sampleMean, mean * 0.98, mean * 1.02);
        Assert.InRange(sampleVariance, mean * 0.95, mean * 1.05);
    }

    [Fact]
    public void NextInt_ManyDraws_UniformOverTheRange()
    {
        var random = Xoshiro256StarStar.FromSeed(11);
        var counts = new int[10];
        const int N = 1_000_000;
        for (var i = 0; i < N; i++)
        {
            var value = random.NextInt(60_000);
            Assert.InRange(value, 0, 59_999);
            counts[value / 6_000]++;
        }

        // Each tenth gets 100,000 ± 300 (one standard deviation); allow five.
        Assert.All(counts, count => Assert.InRange(count, 98_500, 101_500));
    }

    [Fact]
    public void ForName_DifferentNamesAndSeeds_GiveDifferentStreams()
    {
        var seeds = new HashSet<ulong>
        {
            StreamSeeds.ForName(1, "walk", "EUR~"),
            StreamSeeds.ForName(1, "walk", "GBP~"),
            StreamSeeds.ForName(2, "walk", "EUR~"),
            StreamSeeds.ForName(1, "bridge", "EUR~"),
        };
        Assert.Equal(4, seeds.Count);
        Assert.Equal(StreamSeeds.ForName(1, "walk", "EUR~"), StreamSeeds.ForName(1, "walk", "EUR~"));
    }
}
