using System.Globalization;
using ModelContextProtocol;

namespace MtMcp.Server.Tools;

/// <summary>
/// Progress of a large page (<c>get_bars</c>, <c>get_ticks</c>): one notification when the data is loaded, then one per
/// <see cref="Step"/> rows formatted, and a cancellation check at each. Pages under <see cref="Threshold"/> rows report
/// nothing. The unit of progress is rows; the total is the page size. Silent when the client sent no progress token.
/// </summary>
internal readonly struct PageProgress
{
    /// <summary>Smallest expected page that reports progress.</summary>
    public const int Threshold = 1000;

    /// <summary>Rows between notifications.</summary>
    public const int Step = 1000;

    private readonly IProgress<ProgressNotificationValue>? _progress;
    private readonly string _what;
    private readonly CancellationToken _cancellationToken;
    private readonly int _total;

    public PageProgress(IProgress<ProgressNotificationValue>? progress, int expected, string what, CancellationToken cancellationToken)
    {
        _progress = expected >= Threshold ? progress : null;
        _what = what;
        _cancellationToken = cancellationToken;
        _total = expected;
        cancellationToken.ThrowIfCancellationRequested();
        _progress?.Report(new ProgressNotificationValue { Progress = 0, Total = expected, Message = $"loading {what}" });
    }

    /// <summary>The data is loaded: <paramref name="count"/> rows will be formatted.</summary>
    public void Loaded(int count)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _progress?.Report(new ProgressNotificationValue
        {
            Progress = 0, Total = count, Message = string.Create(CultureInfo.InvariantCulture, $"loaded {count} {_what} (page of at most {_total})"),
        });
    }

    /// <summary>Row <paramref name="index"/> is next.</summary>
    public void Row(int index)
    {
        if (index > 0 && index % Step == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _progress?.Report(new ProgressNotificationValue { Progress = index, Total = _total, Message = $"formatting {_what}" });
        }
    }
}
