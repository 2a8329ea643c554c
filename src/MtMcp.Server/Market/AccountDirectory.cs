using System.Diagnostics.CodeAnalysis;
using MtMcp.Engine;

namespace MtMcp.Server.Market;

/// <summary>
/// Which venue an account name belongs to: a broker account (a bridged MetaTrader terminal, <c>mt5-&lt;login&gt;</c>, or
/// the MetaApi account, <c>metaapi-…</c> or its configured name) or a paper account. Without an account argument, live
/// mode uses the first connected broker account and the other modes the paper venue's first account.
/// </summary>
internal sealed class AccountDirectory(ServerSettings settings, BridgeHost bridge, MetaApiHost metaApi)
{
    /// <summary>The broker accounts connected now: the bridged terminals', then the MetaApi account.</summary>
    public IReadOnlyList<IBrokerGateway> Brokers
    {
        get
        {
            var connected = new List<IBrokerGateway>();
            if (bridge.Accounts is { } accounts)
            {
                connected.AddRange(accounts.All.Where(a => a.IsConnected));
            }

            if (metaApi.Gateway is { IsConnected: true } remote)
            {
                connected.Add(remote);
            }

            return connected;
        }
    }

    /// <summary>The broker account <paramref name="account"/> names (or the default one in live mode); false for a paper account.</summary>
    public bool TryGetBroker(string? account, [NotNullWhen(true)] out IBrokerGateway? gateway)
    {
        gateway = null;
        if (account is not null)
        {
            var name = account.Trim();
            if (bridge.Accounts is { } accounts && accounts.TryGet(name, out var bridged))
            {
                gateway = bridged;
                return true;
            }

            if (metaApi.Gateway is { } remote && remote.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                gateway = remote;
                return true;
            }

            return false;
        }

        if (settings.Mode == ServerMode.Live && Brokers is [var first, ..])
        {
            gateway = first;
            return true;
        }

        return false;
    }
}
