using System.Text.RegularExpressions;

namespace MtMcp.Strategies.Tests;

/// <summary>The examples of docs/strategy-language.md are valid strategies.</summary>
public partial class DocumentationTests
{
    [Fact]
    public void Examples_InTheLanguageGuide_Validate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "strategy-language.md")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var text = File.ReadAllText(Path.Combine(directory.FullName, "docs", "strategy-language.md"));
        var examples = JsonBlock().Matches(text).Select(m => m.Groups[1].Value).ToList();

        Assert.True(examples.Count >= 3);
        foreach (var example in examples)
        {
            Assert.True(StrategyDocument.TryParse(example, out _, out var diagnostics), string.Join("; ", diagnostics) + "\n" + example);
        }
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
