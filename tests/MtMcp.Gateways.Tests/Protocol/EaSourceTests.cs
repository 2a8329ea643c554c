using System.Text.RegularExpressions;
using MtMcp.Testing;

namespace MtMcp.Gateways.Tests.Protocol;

/// <summary>
/// Static checks on the MQL sources of the EAs (bridge-protocol.md §11.3), which cannot be compiled here: every
/// protocol op has a handler in the dispatch of both EAs, every event is emitted, no socket read blocks, the
/// token is never printed, and every include exists.
/// </summary>
public sealed partial class EaSourceTests
{
    public static TheoryData<string> Sources() => new("mql5/McpBridge.mq5", "mql4/McpBridge.mq4");

    private static string Bridge(string path) => Path.Combine(SharedData.RepoRoot, "bridge", path);

    /// <summary>The text of the EA with its shared includes (bridge/mql5/Include), comments removed.</summary>
    private static string Source(string ea)
    {
        var text = File.ReadAllText(Bridge(ea));
        foreach (Match include in IncludeLine().Matches(text))
        {
            text += "\n" + File.ReadAllText(Bridge(Path.Combine("mql5", "Include", include.Groups[1].Value)));
        }

        return LineComment().Replace(text, "");
    }

    /// <summary>The body of a function, by brace matching from its signature.</summary>
    private static string Body(string source, string signature)
    {
        var start = source.IndexOf(signature, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{signature}' not found");
        var open = source.IndexOf('{', start);
        var depth = 0;
        for (var i = open; i < source.Length; i++)
        {
            depth += source[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return source[open..(i + 1)];
            }
        }

        throw new InvalidDataException($"Unbalanced braces after '{signature}'.");
    }

    /// <summary>The body of the function <paramref name="name"/> as defined in <paramref name="source"/>.</summary>
    private static string FunctionBody(string source, string name)
    {
        var definition = Regex.Match(source, $@"^(?:void|bool|int|uint|long|ulong|double|string|ENUM_[A-Z_]+) {name}\(", RegexOptions.Multiline);
        Assert.True(definition.Success, $"function {name} is not defined");
        return Body(source[definition.Index..], definition.Value);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Dispatch_EveryServerRequestOp_HasExactlyOneHandler(string ea)
    {
        var dispatch = Body(Source(ea), "void EaHandleRequest(");
        var handled = OpComparison().Matches(dispatch).Select(m => m.Groups[1].Value).ToList();
        var (requests, _) = BridgeSchemaTests.ServerOps();

        Assert.Empty(requests.Except(handled, StringComparer.Ordinal));
        Assert.Empty(handled.Except(requests, StringComparer.Ordinal));
        Assert.Equal(handled.Count, handled.Distinct(StringComparer.Ordinal).Count());

        // Anything else is answered UNKNOWN_OP rather than ignored.
        Assert.Contains("\"UNKNOWN_OP\"", dispatch, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mql5/McpBridge.mq5", "")]
    [InlineData("mql4/McpBridge.mq4", "book")]
    public void Events_EveryServerEvent_IsQueuedByTheEa(string ea, string notOnPlatform)
    {
        var queued = QueuedEvent().Matches(Source(ea)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var (_, events) = BridgeSchemaTests.ServerOps();
        var expected = events.Where(e => e != notOnPlatform).ToList();

        Assert.Empty(expected.Except(queued, StringComparer.Ordinal));
        Assert.Empty(queued.Except(events, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Handlers_EveryOpHandlerFunction_IsDefined(string ea)
    {
        var source = Source(ea);
        var called = HandlerCall().Matches(Body(source, "void EaHandleRequest(")).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);
        var undefined = called.Where(name => !Regex.IsMatch(source, $@"^void {name}\(", RegexOptions.Multiline)).ToList();
        Assert.Empty(undefined);
    }

    [Fact]
    public void Fields_EveryKeyAnMql5HandlerWrites_IsDeclaredInItsResponseSchema()
    {
        // The schemas are closed, so a key the EA writes but the schema lacks is a misspelling on one side.
        var source = Source("mql5/McpBridge.mq5");
        var schemas = new JsonSchemaSubset(Transcript.SchemaFolder);
        var handlers = DispatchedHandler().Matches(Body(source, "void EaHandleRequest("))
            .GroupBy(m => m.Groups[2].Value, m => m.Groups[1].Value, StringComparer.Ordinal)
            .ToList();
        var unknown = new List<string>();
        foreach (var handler in handlers)
        {
            var declared = handler.SelectMany(op => schemas.PropertyNames($"res.{op}.schema.json")).ToHashSet(StringComparer.Ordinal);
            unknown.AddRange(WrittenKeys(source, handler.Key).Where(key => !declared.Contains(key)).Select(key => $"{handler.Key}: {key}"));
        }

        Assert.Equal(21, handlers.Sum(h => h.Count()));
        Assert.Empty(unknown);
    }

    [Fact]
    public void Fields_EveryKeyTheMql4EaWrites_IsDeclaredInTheSchemas()
    {
        // MT4 handlers share writers between answers (orders and positions are one list there), so the check is
        // against every name the schemas declare: it still catches a misspelt key.
        var source = Source("mql4/McpBridge.mq4");
        var schemas = new JsonSchemaSubset(Transcript.SchemaFolder);
        var declared = schemas.LoadAll().Keys.ToList().SelectMany(schemas.PropertyNames).ToHashSet(StringComparer.Ordinal);
        var written = WriterKey().Matches(source).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

        Assert.True(written.Count > 100, $"only {written.Count} keys found");
        var undeclared = written.Where(key => !declared.Contains(key)).ToList();
        Assert.Empty(undeclared);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Fields_EveryKeyAnEventWrites_IsDeclaredInItsEventSchema(string ea)
    {
        var source = Source(ea);
        var schemas = new JsonSchemaSubset(Transcript.SchemaFolder);
        var unknown = new List<string>();
        foreach (var function in FunctionsQueuing(source))
        {
            var ops = Closure(source, function).SelectMany(body => QueuedEvent().Matches(body).Select(m => m.Groups[1].Value)).Distinct(StringComparer.Ordinal).ToList();
            var declared = ops.SelectMany(op => schemas.PropertyNames($"evt.{op}.schema.json")).ToHashSet(StringComparer.Ordinal);
            unknown.AddRange(WrittenKeys(source, function).Where(key => !declared.Contains(key)).Select(key => $"{function}: {key}"));
        }

        Assert.Empty(unknown);
    }

    /// <summary>
    /// The bodies of <paramref name="function"/> and of every EA function it calls (the link's <c>Mcp*</c> functions
    /// write envelopes and errors, not payloads, and are left out).
    /// </summary>
    private static List<string> Closure(string source, string function)
    {
        var defined = DefinedFunction().Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var bodies = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([function]);
        while (queue.TryDequeue(out var name))
        {
            if (!defined.Contains(name) || name.StartsWith("Mcp", StringComparison.Ordinal) || !visited.Add(name))
            {
                continue;
            }

            var body = FunctionBody(source, name);
            bodies.Add(body);
            foreach (Match call in FunctionCall().Matches(body))
            {
                queue.Enqueue(call.Groups[1].Value);
            }
        }

        return bodies;
    }

    private static HashSet<string> WrittenKeys(string source, string function) =>
        Closure(source, function).SelectMany(body => WriterKey().Matches(body).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> FunctionsQueuing(string source) =>
        DefinedFunction().Matches(source).Select(m => m.Groups[1].Value)
            .Where(name => name.StartsWith("Mcp", StringComparison.Ordinal) is false)
            .Where(name => QueuedEvent().IsMatch(FunctionBody(source, name)))
            .Distinct(StringComparer.Ordinal);

    public static TheoryData<string> AllMqlFiles() => new(
        "mql5/McpBridge.mq5", "mql4/McpBridge.mq4", "mql5/Include/McpBridge/Json.mqh", "mql5/Include/McpBridge/Link.mqh", "mql5/Include/McpBridge/Trade.mqh");

    [Theory]
    [MemberData(nameof(AllMqlFiles))]
    public void Syntax_BracketsAndLiterals_AreBalanced(string file)
    {
        // No MQL compiler runs here: this at least catches an unclosed block, call, string or comment.
        var text = File.ReadAllText(Bridge(file));
        var open = new Stack<(char Bracket, int Line)>();
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = text.IndexOf('\n', i) - 1;
                Assert.True(i >= 0, $"{file}: the last line must end with a newline");
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                Assert.True(end > 0, $"{file} line {line}: unclosed comment");
                line += text.AsSpan(i, end - i).Count('\n');
                i = end + 1;
            }
            else if (c is '"' or '\'')
            {
                var j = i + 1;
                while (j < text.Length && text[j] != c)
                {
                    Assert.True(text[j] != '\n', $"{file} line {line}: unclosed literal");
                    j += text[j] == '\\' ? 2 : 1;
                }

                i = j;
            }
            else if (c is '(' or '[' or '{')
            {
                open.Push((c, line));
            }
            else if (c is ')' or ']' or '}')
            {
                Assert.True(open.Count > 0, $"{file} line {line}: '{c}' closes nothing");
                var (bracket, at) = open.Pop();
                Assert.True(bracket == c switch { ')' => '(', ']' => '[', _ => '{' }, $"{file} line {line}: '{c}' closes '{bracket}' of line {at}");
            }
        }

        Assert.Empty(open);
    }

    [Fact]
    public void SocketRead_Mql5_NeverWaitsMoreThanAFewMilliseconds()
    {
        // A long SocketRead timeout would freeze OnTimer, OnTick and OnTradeTransaction for its duration.
        var reads = SocketReadTimeout().Matches(Source("mql5/McpBridge.mq5")).ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, read => Assert.InRange(int.Parse(read.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, 10));
        Assert.DoesNotContain("SocketTlsRead(", Source("mql5/McpBridge.mq5"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Print_EveryCall_LeavesTheTokenOut(string ea)
    {
        var prints = PrintCall().Matches(Source(ea)).Select(m => m.Value).ToList();
        Assert.NotEmpty(prints);
        Assert.DoesNotContain(prints, p => p.Contains("g_token", StringComparison.Ordinal) || p.Contains("InpToken", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Include_EveryFile_ExistsInTheSharedFolder(string ea)
    {
        var includes = IncludeLine().Matches(File.ReadAllText(Bridge(ea))).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("McpBridge/Link.mqh", includes);
        Assert.All(includes, include => Assert.True(File.Exists(Bridge(Path.Combine("mql5", "Include", include))), include));
    }

    [GeneratedRegex("""^#include <([^>]+)>""", RegexOptions.Multiline)]
    private static partial Regex IncludeLine();

    [GeneratedRegex("""//[^\n]*""")]
    private static partial Regex LineComment();

    [GeneratedRegex("op == \"([a-z_.]+)\"")]
    private static partial Regex OpComparison();

    [GeneratedRegex("McpQueueEvent\\(\"([a-z_]+)\"")]
    private static partial Regex QueuedEvent();

    [GeneratedRegex("""^\s+(Op[A-Za-z]+)\(""", RegexOptions.Multiline)]
    private static partial Regex HandlerCall();

    [GeneratedRegex("op == \"([a-z_.]+)\"\\)\\s*\\{\\s*(Op[A-Za-z]+)\\(")]
    private static partial Regex DispatchedHandler();

    [GeneratedRegex("""^(?:void|bool|int|uint|long|ulong|double|string|ENUM_[A-Z_]+) ([A-Za-z0-9]+)\(""", RegexOptions.Multiline)]
    private static partial Regex DefinedFunction();

    [GeneratedRegex("\\bw\\.(?:Str|Int|UInt|Dbl|Bool|Null|Raw|BeginObject|BeginArray)\\(\"([a-z_0-9]+)\"")]
    private static partial Regex WriterKey();

    [GeneratedRegex("""\b([A-Z][A-Za-z0-9]+)\(""")]
    private static partial Regex FunctionCall();

    [GeneratedRegex("""SocketRead\([^;]*,\s*(\d+)\)""")]
    private static partial Regex SocketReadTimeout();

    [GeneratedRegex("""Print\([^;]*\);""")]
    private static partial Regex PrintCall();
}
