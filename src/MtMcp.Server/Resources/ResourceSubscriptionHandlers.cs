using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MtMcp.Server.Resources;

/// <summary>
/// The subscription requests of both protocol generations: <c>resources/subscribe</c> and <c>resources/unsubscribe</c>
/// (2025-11-25, per session) and <c>subscriptions/listen</c> (2026-07-28, one held-open request whose own response
/// stream carries the updates, tagged with its id; this also works over stateless HTTP).
/// </summary>
internal static class ResourceSubscriptionHandlers
{
    /// <summary>Registers the handlers on <paramref name="builder"/>.</summary>
    public static IMcpServerBuilder WithResourceSubscriptions(this IMcpServerBuilder builder) =>
        builder
            .WithSubscribeToResourcesHandler((context, _) =>
            {
                var session = context.Server;
                Subscriptions(context).Add(new ResourceSubscriber(session, (uri, token) => Updated(session, uri, null, token)), context.Params!.Uri);
                return ValueTask.FromResult(new EmptyResult());
            })
            .WithUnsubscribeFromResourcesHandler((context, _) =>
            {
                Subscriptions(context).Remove(new ResourceSubscriber(context.Server, (_, _) => Task.CompletedTask), context.Params!.Uri);
                return ValueTask.FromResult(new EmptyResult());
            })
            .WithSubscriptionsListenHandler(ListenAsync);

    private static async ValueTask<EmptyResult> ListenAsync(RequestContext<SubscriptionsListenRequestParams> context, CancellationToken cancellationToken)
    {
        var subscriptions = Subscriptions(context);
        var server = context.Server;
        var id = JsonSerializer.SerializeToNode(context.JsonRpcRequest.Id, McpJsonUtilities.DefaultOptions);
        var subscriber = new ResourceSubscriber(new object(), (uri, token) => Updated(server, uri, id, token));
        var granted = new List<string>();
        foreach (var uri in context.Params?.Notifications?.ResourceSubscriptions ?? [])
        {
            // Unknown URIs are left out of the acknowledgement rather than failing the whole stream.
            if (ResourceUris.Parse(uri) is not null)
            {
                subscriptions.Add(subscriber, uri);
                granted.Add(uri);
            }
        }

        try
        {
            // The acknowledgement type has no _meta property: add the subscription id to its JSON.
            var ack = JsonSerializer.SerializeToNode(
                new SubscriptionsAcknowledgedNotificationParams { Notifications = new SubscriptionsListenNotifications { ResourceSubscriptions = granted } },
                McpJsonUtilities.DefaultOptions)!.AsObject();
            ack["_meta"] = Tag(id);
            await server.SendMessageAsync(new JsonRpcNotification { Method = NotificationMethods.SubscriptionsAcknowledgedNotification, Params = ack }, cancellationToken)
                .ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            return new EmptyResult();
        }
        finally
        {
            subscriptions.Drop(subscriber);
        }
    }

    private static Task Updated(McpServer server, string uri, JsonNode? subscriptionId, CancellationToken cancellationToken) =>
        server.SendNotificationAsync(NotificationMethods.ResourceUpdatedNotification,
            new ResourceUpdatedNotificationParams { Uri = uri, Meta = subscriptionId is null ? null : Tag(subscriptionId) }, cancellationToken: cancellationToken);

    private static JsonObject Tag(JsonNode? id) => new() { [MetaKeys.SubscriptionId] = id?.DeepClone() };

    private static ResourceSubscriptions Subscriptions(MessageContext context) => context.Services!.GetRequiredService<ResourceSubscriptions>();
}
