using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Server;

namespace MtMcp.Server.Resources;

/// <summary>The static documents: the risk policy (with this server's settings) and the strategy language.</summary>
[McpServerResourceType]
internal sealed class DocResources(ServerSettings settings)
{
    private static readonly string s_riskPolicy = Load("risk-policy.md");
    private static readonly string s_strategyLanguage = Load("strategy-language.md");

    [McpServerResource(UriTemplate = ResourceUris.RiskPolicy, Name = "risk-policy", Title = "Risk policy", MimeType = "text/markdown")]
    [Description("What the server checks before an order reaches the venue, which orders need the user's confirmation, and the access scopes.")]
    public string RiskPolicy() =>
        s_riskPolicy + string.Create(CultureInfo.InvariantCulture, $"""

            ## This server
            - Mode: {Tools.AccountViews.ServerModeName(settings.Mode)}
            - Confirmation above: {(settings.ConfirmAboveLots is { } lots ? $"{lots} lots" : "off (no order needs confirmation)")}
            - Toolsets: {string.Join(", ", settings.Toolsets)}

            """);

    [McpServerResource(UriTemplate = ResourceUris.StrategyLanguage, Name = "strategy-language", Title = "Strategy language", MimeType = "text/markdown")]
    [Description("The reference of the strategy language used by scan_market, alerts and the strategy tools.")]
    public static string StrategyLanguage() => s_strategyLanguage;

    private static string Load(string name)
    {
        using var stream = typeof(DocResources).Assembly.GetManifestResourceStream("MtMcp.Server.Resources.Docs." + name)
            ?? throw new InvalidOperationException($"The embedded document {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
