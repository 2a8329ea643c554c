using MtMcp.DemoMarket.Model;
using MtMcp.DemoMarket.Random;

namespace MtMcp.DemoMarket.Tests;

public sealed class DeterministicMathTests
{
    [Fact]
    public void Exp_WideRange_MatchesMathExpWithinTwoUlp()
    {
        var random = Xoshiro256StarStar.FromSeed(1);
        for (var i = 0; i < 200_000; i++)
        {
            var x = (random.NextDouble() * 1400) - 700;
            var expected = Math.Exp(x);
            Assert.True(Math.Abs(DeterministicMath.Exp(x) - expected) <= 2 * (Math.BitIncrement(expected) - expected), $"Exp({x:R})");
        }
    }

    [Fact]
    public void Exp_SmallArguments_MatchMathExpWithinTwoUlp()
    {
        var random = Xoshiro256StarStar.FromSeed(2);
        for (var i = 0; i < 200_000; i++)
        {
            var x = (random.NextDouble() - 0.5) * 0.02;
            var expected = Math.Exp(x);
            Assert.True(Math.Abs(DeterministicMath.Exp(x) - expected) <= 2 * (Math.BitIncrement(expected) - expected), $"Exp({x:R})");
        }
    }

    [Fact]
    public void Log_WideRange_MatchesMathLogWithinTwoUlp()
    {
        var random = Xoshiro256StarStar.FromSeed(3);
        for (var i = 0; i < 200_000; i++)
        {
            var x = Math.Pow(10, (random.NextDouble() * 40) - 20);
            var expected = Math.Log(x);
            var ulp = Math.Max(Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected), double.Epsilon);
            Assert.True(Math.Abs(DeterministicMath.Log(x) - expected) <= 2 * ulp, $"Log({x:R})");
        }
    }

    [Fact]
    public void Log_NearOne_HasSmallAbsoluteError()
    {
        foreach (var x in new[] { 1.0, 1 + 1e-12, 1 - 1e-12, 0.70710678, 1.41421356, 2.0, 0.5 })
        {
            Assert.Equal(Math.Log(x), DeterministicMath.Log(x), 1e-16);
        }
    }

    [Fact]
    public void Log_SpecialValues_FollowIeee()
    {
        Assert.Equal(double.NegativeInfinity, DeterministicMath.Log(0));
        Assert.True(double.IsNaN(DeterministicMath.Log(-1)));
        Assert.Equal(double.PositiveInfinity, DeterministicMath.Log(double.PositiveInfinity));
        Assert.Equal(Math.Log(double.Epsilon), DeterministicMath.Log(double.Epsilon), 1e-12);
        Assert.Equal(0, DeterministicMath.Exp(-800));
        Assert.Equal(double.PositiveInfinity, DeterministicMath.Exp(800));
    }
}
