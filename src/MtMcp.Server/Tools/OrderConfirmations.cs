using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Engine;

namespace MtMcp.Server.Tools;

/// <summary>
/// Asks the user to confirm orders above <see cref="ServerSettings.ConfirmAboveLots"/> through the client (MRTR
/// <see cref="InputRequiredException"/>, bridged by the SDK to <c>elicitation/create</c> for older clients; mcp.md §6).
/// </summary>
/// <remarks>
/// The pending order is kept here, keyed by the caller and a random handle; the handle travels as <c>requestState</c>,
/// which is untrusted, so an answer only counts when its handle is known, unexpired, belongs to the same caller and the
/// retried arguments build exactly the order that was shown. Each handle is used once. No tool argument can confirm an
/// order, and a client that cannot ask the user gets the order refused. Thread-safe.
/// </remarks>
internal sealed class OrderConfirmations(ServerSettings settings, TimeProvider time)
{
    /// <summary>The elicitation field the user answers.</summary>
    public const string Field = "confirm";

    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="request"/> needs the user's confirmation.</summary>
    public bool Needed(TradeRequest request) => settings.ConfirmAboveLots is { } limit && request.Volume > limit;

    /// <summary>
    /// Returns when the user accepted this very order in the answer the request carries; otherwise asks (throws
    /// <see cref="InputRequiredException"/>) or refuses (throws <see cref="ToolErrorException"/>).
    /// </summary>
    public void Require(McpServer? server, RequestParams? request, ClaimsPrincipal? user, string account, TradeRequest order, string summary)
    {
        var caller = Caller(user);
        var now = time.GetUtcNow();
        if (request?.InputResponses is { } responses && responses.TryGetValue(Field, out var answer))
        {
            var key = caller + ":" + (request.RequestState ?? "");
            if (!_pending.TryRemove(key, out var pending) || pending.Expires < now)
            {
                throw Refused(ToolErrorCodes.ConfirmationRequired,
                    "That confirmation is unknown or expired (confirmations last 5 minutes and count once). Nothing was sent; call place_order again to ask the user anew.");
            }

            if (!pending.Account.Equals(account, StringComparison.Ordinal) || pending.Order != order)
            {
                throw Refused(ToolErrorCodes.ConfirmationRequired,
                    "The user confirmed a different order than this one. Nothing was sent; call place_order again with the order to confirm.");
            }

            var result = answer.Deserialize(InputResponse.ElicitResultJsonTypeInfo);
            var accepted = result is { Action: "accept" } && result.Content?.TryGetValue(Field, out var value) == true && value.ValueKind == JsonValueKind.True;
            if (!accepted)
            {
                throw Refused(ToolErrorCodes.Declined, "The user did not confirm the order. Nothing was sent; do not retry unless the user asks for it.");
            }

            return;
        }

        if (server is not { IsMrtrSupported: true } || server.ClientCapabilities?.Elicitation is null)
        {
            throw Refused(ToolErrorCodes.ConfirmationRequired, string.Create(CultureInfo.InvariantCulture,
                $"Orders above {settings.ConfirmAboveLots} lots need the user's confirmation, and this client cannot ask for it (no elicitation support). "
                + $"Nothing was sent. Use a client that supports elicitation, or at most {settings.ConfirmAboveLots} lots."));
        }

        Purge(now);
        var handle = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _pending[caller + ":" + handle] = new Pending(account, order, now + s_lifetime);
        var schema = new ElicitRequestParams.RequestSchema
        {
            Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
            {
                [Field] = new ElicitRequestParams.BooleanSchema { Title = "Send this order", Description = "Yes sends the order as shown; no sends nothing." },
            },
            Required = [Field],
        };
        throw new InputRequiredException(
            new Dictionary<string, InputRequest>
            {
                [Field] = InputRequest.ForElicitation(new ElicitRequestParams { Message = summary, RequestedSchema = schema }),
            },
            handle);
    }

    private void Purge(DateTimeOffset now)
    {
        foreach (var (key, pending) in _pending)
        {
            if (pending.Expires < now)
            {
                _pending.TryRemove(key, out _);
            }
        }
    }

    // Bound to the authenticated caller on HTTP; stdio has one local user.
    private static string Caller(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.Identity.Name ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "user" : "local";

    private static ToolErrorException Refused(string code, string message) => new(new ToolError(code, message, Retryable: false));

    private sealed record Pending(string Account, TradeRequest Order, DateTimeOffset Expires);
}
