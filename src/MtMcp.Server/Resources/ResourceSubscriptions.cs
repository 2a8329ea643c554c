using Microsoft.Extensions.Logging;
using ModelContextProtocol;

namespace MtMcp.Server.Resources;

/// <summary>
/// Who subscribed to which resource: the SDK leaves tracking to the server (mcp.md §3). A subscriber is a session that
/// sent <c>resources/subscribe</c> (2025-11-25) or one <c>subscriptions/listen</c> stream (2026-07-28); one entry per
/// subscriber and URI. A subscriber that can no longer be notified is dropped by <see cref="ResourcePublisher"/>.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class ResourceSubscriptions
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<ResourceSubscriber>> _byUri = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Watched> _watched = new(StringComparer.Ordinal);

    /// <summary>Whether anyone subscribed to anything.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return _byUri.Count == 0;
            }
        }
    }

    /// <summary>Adds a subscription of <paramref name="subscriber"/> to <paramref name="uri"/>.</summary>
    /// <exception cref="McpProtocolException">The URI is none of the server's resources.</exception>
    public void Add(ResourceSubscriber subscriber, string uri)
    {
        var watched = ResourceUris.Parse(uri)
            ?? throw new McpProtocolException($"'{uri}' is not a resource of this server; see resources/templates/list.", McpErrorCode.InvalidParams);
        lock (_lock)
        {
            if (!_byUri.TryGetValue(uri, out var sessions))
            {
                _byUri[uri] = sessions = [];
                _watched[uri] = watched;
            }

            sessions.Add(subscriber);
        }
    }

    /// <summary>Removes a subscription; unknown ones are ignored.</summary>
    public void Remove(ResourceSubscriber subscriber, string uri)
    {
        lock (_lock)
        {
            if (_byUri.TryGetValue(uri, out var sessions) && sessions.Remove(subscriber) && sessions.Count == 0)
            {
                _byUri.Remove(uri);
                _watched.Remove(uri);
            }
        }
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    public void Drop(ResourceSubscriber subscriber)
    {
        lock (_lock)
        {
            foreach (var (uri, sessions) in _byUri.ToList())
            {
                if (sessions.Remove(subscriber) && sessions.Count == 0)
                {
                    _byUri.Remove(uri);
                    _watched.Remove(uri);
                }
            }
        }
    }

    /// <summary>The subscribed URIs and what they watch.</summary>
    public List<KeyValuePair<string, Watched>> Watched()
    {
        lock (_lock)
        {
            return [.. _watched];
        }
    }

    /// <summary>The subscribers to <paramref name="uri"/>.</summary>
    public ResourceSubscriber[] Subscribers(string uri)
    {
        lock (_lock)
        {
            return _byUri.TryGetValue(uri, out var sessions) ? [.. sessions] : [];
        }
    }

    /// <summary>Tells every subscriber of <paramref name="uri"/> that it changed; one that cannot be told is dropped.</summary>
    public async Task NotifyAsync(string uri, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var subscriber in Subscribers(uri))
        {
            try
            {
                await subscriber.Notify(uri, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The session is gone (client disconnected, HTTP session expired): forget all it asked for.
                Log.SubscriberDropped(logger, error);
                Drop(subscriber);
            }
        }
    }
}

/// <summary>Someone to tell that a resource changed: <paramref name="Notify"/> sends <c>notifications/resources/updated</c> for a URI.</summary>
/// <param name="Key">What identifies the subscriber (its session, or its listen request).</param>
/// <param name="Notify">Sends the notification.</param>
internal sealed record ResourceSubscriber(object Key, Func<string, CancellationToken, Task> Notify)
{
    public bool Equals(ResourceSubscriber? other) => other is not null && ReferenceEquals(Key, other.Key);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Key);
}
