namespace MtMcp.Benchmarks;

/// <summary>
/// Marks a benchmark whose result is a headline figure of docs/performance.md. The benchmark's
/// OperationsPerInvoke must be the number of items (bars, ticks) one invocation processes, so the
/// mean per operation is the time per item.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class HeadlineAttribute(string name, HeadlineUnit unit, double target) : Attribute
{
    public string Name { get; } = name;

    public HeadlineUnit Unit { get; } = unit;

    /// <summary>The target in <see cref="Unit"/>: a minimum rate, or a maximum time.</summary>
    public double Target { get; } = target;

    /// <summary>
    /// The parameter case the target is about, as the run prints it (for example <c>RecordsPerStep=5</c>; several values
    /// joined by <c>&amp;</c> must all match); null = every case. The other cases stay in the table as context.
    /// </summary>
    public string? Case { get; init; }
}

/// <summary>How a headline figure is expressed.</summary>
internal enum HeadlineUnit
{
    /// <summary>Items per second (higher is better); the benchmark's operation is one item.</summary>
    ItemsPerSecond,

    /// <summary>Milliseconds per invocation (lower is better).</summary>
    Milliseconds,
}
