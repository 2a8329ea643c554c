using System.Text;

namespace MtMcp.Indicators.Tests;

/// <summary>TA-Lib's optIn/out names in the product's snake_case (<c>optInFastK_Period</c> → <c>fast_k_period</c>).</summary>
internal static class TaLibNames
{
    public static string Parameter(string optIn) => Snake(optIn["optIn".Length..].Replace("MAType", "MaType", StringComparison.Ordinal));

    public static string Output(string outName) => Snake(outName["out".Length..]);

    public static string Snake(string name)
    {
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (boundary && result[^1] != '_')
            {
                result.Append('_');
            }

            result.Append(char.ToLowerInvariant(c));
        }

        return result.ToString();
    }
}
