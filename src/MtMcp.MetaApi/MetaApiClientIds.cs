using System.Security.Cryptography;
using System.Text;

namespace MtMcp.MetaApi;

/// <summary>
/// The MetaApi <c>clientId</c> of a request: MetaApi keeps it on the order, its deals and its position, and stores it
/// in the order comment, so comment and clientId together may be at most 26 characters and the id must follow
/// <c>{strategy}_{position}_{order}</c>. Our client order ids are free text of any length, so the MetaApi id is a
/// hash of the account and the client order id: the same request always gets the same id, after a restart too.
/// </summary>
internal static class MetaApiClientIds
{
    /// <summary>The prefix that marks ids this server assigned.</summary>
    public const string Prefix = "MM";

    /// <summary>Length of every id: <c>MM_xxxxxx_xxxxxx</c>.</summary>
    public const int Length = 16;

    /// <summary>What MetaApi allows for comment and clientId together.</summary>
    public const int MaxCommentAndId = 26;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>The MetaApi id of <paramref name="clientOrderId"/> on <paramref name="accountId"/>.</summary>
    public static string For(string accountId, string clientOrderId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(accountId + "\n" + clientOrderId), hash);
        Span<char> id = stackalloc char[Length];
        Prefix.AsSpan().CopyTo(id);
        id[2] = '_';
        id[9] = '_';
        var next = 0;
        for (var i = 3; i < Length; i++)
        {
            if (i == 9)
            {
                continue;
            }

            // 12 characters of 62 symbols: about 71 bits, so two requests of one account never share an id in practice.
            id[i] = Alphabet[hash[next++] % Alphabet.Length];
        }

        return new string(id);
    }

    /// <summary>The comment shortened to the room the clientId leaves.</summary>
    public static string? FitComment(string comment) =>
        comment.Length == 0 ? null : comment[..Math.Min(comment.Length, MaxCommentAndId - Length)];
}
