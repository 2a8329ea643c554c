namespace MtMcp.Server.Market;

/// <summary>Where a series of bars or ticks came from; reported with every answer so a model never mixes them up.</summary>
internal enum HistorySource
{
    /// <summary>Data imported with <c>mtmcp data import</c> (<c>&lt;data-dir&gt;/market</c>).</summary>
    Imported,

    /// <summary>The demo market's stored history (<c>&lt;data-dir&gt;/demo</c>, filled by <c>mtmcp demo</c>).</summary>
    DemoStore,

    /// <summary>Generated on the fly by the demo market: the same prices the live quotes and the paper venue follow.</summary>
    Demo,
}
