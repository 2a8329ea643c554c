namespace MtMcp.Indicators.Tests;

/// <summary>The contiguous window streams run their batch kernels on.</summary>
public sealed class SlidingWindowTests
{
    [Fact]
    public void PushAndUndo_AnySequence_KeepTheLastValuesOldestFirst()
    {
        var window = new SlidingWindow(4);
        var model = new List<double>();
        var random = new Random(5);
        for (var step = 0; step < 500; step++)
        {
            var value = random.Next(1000);
            var dropped = window.Push(value);
            model.Add(value);
            Assert.Equal(model.Count > 4 ? model[^5] : double.NaN, dropped);

            if (random.Next(3) == 0)
            {
                window.UndoPush();
                model.RemoveAt(model.Count - 1);
            }

            Assert.Equal(model.TakeLast(4), window.Values.ToArray());
            if (model.Count > 0)
            {
                Assert.Equal(model.TakeLast(4).First(), window.Oldest);
                Assert.Equal(model[^1], window.Newest);
                for (var k = 0; k < window.Count; k++)
                {
                    Assert.Equal(model[model.Count - window.Count + k], window[k]);
                }
            }
        }
    }
}
