namespace MtMcp.Cli;

/// <summary>How rows of market data are printed.</summary>
internal enum OutputFormat
{
    /// <summary>Comma-separated, header row, invariant culture, ISO-8601 UTC times.</summary>
    Csv,

    /// <summary>A JSON array of objects with snake_case fields.</summary>
    Json,
}
