namespace MtMcp.Data.Import;

/// <summary>
/// A market-data file could not be imported. The message names the file, the line (when the problem is on
/// one) and the problem in plain words, with what is allowed instead.
/// </summary>
public sealed class DataImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file being imported (for a zip, the zip; the entry is named in the problem).</param>
    /// <param name="line">The 1-based line the problem is on, or null when it is not about one line.</param>
    /// <param name="problem">What is wrong and what is allowed, in plain words.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public DataImportException(string filePath, int? line, string problem, Exception? innerException = null)
        : base(Format(filePath, line, problem), innerException)
    {
        FilePath = filePath;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file being imported.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line number of the problem, or null when the problem is not about one line.</summary>
    public int? Line { get; }

    /// <summary>The problem alone, without the file and line.</summary>
    public string Problem { get; }

    private static string Format(string filePath, int? line, string problem) =>
        line is { } number
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{filePath}, line {number}: {problem}")
            : $"{filePath}: {problem}";
}
