using System.Diagnostics.CodeAnalysis;
using MtMcp.Gateways.Bridge;

namespace MtMcp.Server.Market;

/// <summary>
/// Which venue an account name belongs to: a bridged MetaTrader account (<c>mt5-&lt;login&gt;</c>) or a paper account.
/// Without an account argument, live mode uses the first connected bridged account and the other modes the paper
/// venue's first account, as before.
/// </summary>
internal sealed class AccountDirectory(ServerSettings settings, BridgeHost bridge)
{
    /// <summary>The bridged accounts whose terminal is connected now, by name.</summary>
    public IReadOnlyList<BridgeBrokerGateway> Bridged =>
        bridge.Accounts is { } accounts ? [.. accounts.All.Where(a => a.IsConnected)] : [];

    /// <summary>The bridged account <paramref name="account"/> names (or the default one in live mode); false for a paper account.</summary>
    public bool TryGetBridged(string? account, [NotNullWhen(true)] out BridgeBrokerGateway? gateway)
    {
        gateway = null;
        if (bridge.Accounts is not { } accounts)
        {
            return false;
        }

        if (account is not null)
        {
            return accounts.TryGet(account.Trim(), out gateway);
        }

        if (settings.Mode == ServerMode.Live && Bridged is [var first, ..])
        {
            gateway = first;
            return true;
        }

        return false;
    }
}
