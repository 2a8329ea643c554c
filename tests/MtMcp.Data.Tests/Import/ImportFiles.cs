using System.Globalization;
using System.Text;
using MtMcp.Data.Import;
using MtMcp.Testing;

namespace MtMcp.Data.Tests.Import;

/// <summary>Writes small test files and reads reference values straight from file text.</summary>
internal static class ImportFiles
{
    public static string Write(TempDirectory temp, string name, string text, Encoding? encoding = null)
    {
        var path = temp.File(name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public static ImportedData Import(TempDirectory temp, string name, string text, ImportOptions? options = null) =>
        DataImporter.Import(Write(temp, name, text), options);

    public static DataImportException Fails(TempDirectory temp, string name, string text, ImportOptions? options = null)
    {
        var path = Write(temp, name, text);
        var error = Assert.Throws<DataImportException>(() => DataImporter.Import(path, options));
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Problem, error.Message, StringComparison.Ordinal);
        return error;
    }

    public static long UnixSeconds(string utc) =>
        DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeSeconds();

    public static long UnixMs(string utc) =>
        DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds();

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
