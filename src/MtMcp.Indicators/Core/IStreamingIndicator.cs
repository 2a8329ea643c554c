namespace MtMcp.Indicators;

/// <summary>
/// An indicator updated one bar at a time in O(1): <see cref="Add"/> appends a closed or new bar,
/// <see cref="UpdateLast"/> replaces the last (forming) bar. After any sequence of calls the values
/// equal the batch form's values at the last bar.
/// </summary>
public interface IStreamingIndicator
{
    /// <summary>The indicator.</summary>
    IndicatorInfo Info { get; }

    /// <summary>Bars seen so far (an update in place does not count).</summary>
    int Count { get; }

    /// <summary>Whether the warm-up (lookback) has passed, so the outputs are defined.</summary>
    bool IsReady { get; }

    /// <summary>Appends a bar.</summary>
    void Add(in StreamBar bar);

    /// <summary>Replaces the last bar added (the forming bar); the first call after no bar behaves as <see cref="Add"/>.</summary>
    void UpdateLast(in StreamBar bar);

    /// <summary>The current value of output <paramref name="output"/>; NaN during warm-up.</summary>
    double Value(int output);
}
