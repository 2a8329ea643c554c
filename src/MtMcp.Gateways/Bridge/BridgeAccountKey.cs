using System.Globalization;

namespace MtMcp.Gateways.Bridge;

/// <summary>
/// Identity of one bridged account: platform (<c>MT5</c>/<c>MT4</c>), trade server name and login. One EA connection
/// serves one key; a new <c>hello</c> with the same key replaces the old connection.
/// </summary>
/// <param name="Platform">"MT5" or "MT4".</param>
/// <param name="Server">Trade server name (ACCOUNT_SERVER), compared exactly.</param>
/// <param name="Login">Account number (ACCOUNT_LOGIN).</param>
public readonly record struct BridgeAccountKey(string Platform, string Server, ulong Login)
{
    /// <summary>The key as text, <c>MT5:Broker-Demo:123456</c>: the input of the order tag hash.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Platform}:{Server}:{Login}");

    /// <summary>The key with the login masked to its last three digits, for logs.</summary>
    public string ToRedactedString()
    {
        var login = Login.ToString(CultureInfo.InvariantCulture);
        var shown = login.Length <= 3 ? login : "***" + login[^3..];
        return $"{Platform}:{Server}:{shown}";
    }
}
