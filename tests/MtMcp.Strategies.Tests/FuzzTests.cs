using System.Text;

namespace MtMcp.Strategies.Tests;

/// <summary>Random and mutated documents never crash the loader: each gives a valid strategy or positioned errors.</summary>
public class FuzzTests
{
    private static readonly string[] s_tokens =
    [
        "close", "open", "high", "low", "volume", "hl2", "close[1]", "h4:", "d1:", "m1:", "sma(", "ema(", "rsi(", "macd(", "bbands(",
        "atr(", "supertrend(", "donchian(", "highest(", "lowest(", "crossover(", "crossunder(", "abs(", "min(", "max(", "fast", "slow",
        ".macd_signal", ".upper", ".real", ".nope", "period=", "ma_type=", "ema", "(", ")", "[", "]", ",", ".", ":", "=", "+", "-", "*",
        "/", "%", "<", "<=", ">", ">=", "==", "!=", "and", "or", "not", "&&", "||", "!", "0", "1", "2.5", "14", "-3", "1e9", "1e400",
        "\\\"", "\\u0041", "#", "é", " ", "true", "false", "xyz",
    ];

    [Fact]
    public void TryParse_RandomTokenSoups_GiveAStrategyOrPositionedErrors()
    {
        var random = new Random(20250601);
        for (var n = 0; n < 2500; n++)
        {
            var expression = new StringBuilder();
            var count = random.Next(1, 14);
            for (var k = 0; k < count; k++)
            {
                expression.Append(s_tokens[random.Next(s_tokens.Length)]);
                if (random.Next(3) == 0)
                {
                    expression.Append(' ');
                }
            }

            var field = random.Next(4) switch { 0 => "long_entry", 1 => "short_entry", 2 => "filter", _ => "stop_loss" };
            var json = "{\n  \"name\": \"fuzz\",\n  \"timeframe\": \"H1\",\n  \"parameters\": { \"fast\": { \"default\": 10, \"min\": 2, \"max\": 50 }, \"slow\": { \"default\": 30, \"min\": 5, \"max\": 200 } },\n"
                + $"  \"long_entry\": \"close > open\",\n  \"{field}\": \"{expression}\"\n}}";
            Check(json);
        }
    }

    [Fact]
    public void TryParse_MutatedBuiltins_GiveAStrategyOrPositionedErrors()
    {
        var random = new Random(7);
        var sources = StrategyResolver.BuiltinNames.Select(StrategyResolver.BuiltinSource).ToArray();
        const string Alphabet = "{}[]\",:/*\\ abcdefxyz0123456789.()<>=+-_\n";
        for (var n = 0; n < 2500; n++)
        {
            var text = new StringBuilder(sources[random.Next(sources.Length)]);
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits && text.Length > 0; e++)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at));
                        break;
                    case 1:
                        text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                    default:
                        text[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                }
            }

            Check(text.ToString());
        }
    }

    private static void Check(string json)
    {
        var lines = json.Split('\n');
        bool ok;
        IReadOnlyList<StrategyDiagnostic> diagnostics;
        try
        {
            ok = StrategyDocument.TryParse(json, out _, out diagnostics);
        }
        catch (Exception exception)
        {
            Assert.Fail($"Crashed with {exception.GetType().Name}: {exception.Message}\n{json}");
            return;
        }

        if (ok)
        {
            Assert.Empty(diagnostics);
            return;
        }

        Assert.NotEmpty(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
            Assert.InRange(diagnostic.Line, 1, lines.Length);
            Assert.InRange(diagnostic.Column, 1, lines[diagnostic.Line - 1].Length + 2);
        }
    }
}
