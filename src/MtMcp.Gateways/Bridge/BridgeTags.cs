using System.Security.Cryptography;
using System.Text;

namespace MtMcp.Gateways.Bridge;

/// <summary>
/// The broker-visible tag of a client order id (bridge-protocol.md §7): <c>"mcp:"</c> + the first 12 Crockford
/// base32 characters of SHA-256(account key ‖ client order id). It fits MT5's 31-character comment and lets
/// reconciliation find an order without the id itself crossing to the broker.
/// </summary>
public static class BridgeTags
{
    /// <summary>The tag prefix.</summary>
    public const string Prefix = "mcp:";

    /// <summary>Longest accepted client order id.</summary>
    public const int MaxClientOrderIdLength = 64;

    private const string CrockfordAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The tag of <paramref name="clientOrderId"/> on <paramref name="account"/>.</summary>
    /// <exception cref="ArgumentException">The id is empty or longer than 64 characters.</exception>
    public static string ForClientOrder(BridgeAccountKey account, string clientOrderId)
    {
        if (string.IsNullOrEmpty(clientOrderId) || clientOrderId.Length > MaxClientOrderIdLength)
        {
            throw new ArgumentException(
                $"A client order id must have 1 to {MaxClientOrderIdLength} characters; got {clientOrderId?.Length ?? 0}.",
                nameof(clientOrderId));
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(account.ToString() + clientOrderId), hash);

        // 12 characters × 5 bits = 60 bits, read from the front of the hash, most significant bit first.
        Span<char> tag = stackalloc char[Prefix.Length + 12];
        Prefix.AsSpan().CopyTo(tag);
        ulong bits = 0;
        for (var i = 0; i < 8; i++)
        {
            bits = (bits << 8) | hash[i];
        }

        for (var i = 0; i < 12; i++)
        {
            tag[Prefix.Length + i] = CrockfordAlphabet[(int)((bits >> (59 - (5 * i))) & 0x1F)];
        }

        return new string(tag);
    }
}
