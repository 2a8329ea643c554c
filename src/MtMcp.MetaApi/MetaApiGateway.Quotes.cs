using MtMcp.MetaApi.Wire;

namespace MtMcp.MetaApi;

/// <summary>
/// Quotes by polling: MetaApi streams prices only over its socket.io websocket, which this connector does not speak;
/// it polls <c>GET …/symbols/:symbol/current-price?keepSubscription=true</c> for every subscribed symbol at
/// <see cref="MetaApiOptions.QuotePollInterval"/> and passes on each price that changed.
/// </summary>
public sealed partial class MetaApiGateway
{
    /// <inheritdoc/>
    public bool TryGetQuote(string symbol, out Tick tick) => _quotes.TryGetValue(symbol, out tick);

    /// <inheritdoc/>
    /// <remarks>
    /// Reads <c>GET …/symbols/:symbol/specification</c>, and the symbol's current price for the broker's clock (its
    /// <c>brokerTime</c> against its UTC <c>time</c>), which places the sessions in UTC.
    /// </remarks>
    public async Task<SymbolSpec> GetSymbolSpecAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var path = "symbols/" + Uri.EscapeDataString(symbol);
        var dto = await _client.GetOrNullAsync(path + "/specification", MetaApiJsonContext.Default.SymbolSpecificationDto, cancellationToken).ConfigureAwait(false)
            ?? throw new BrokerSymbolException($"The broker of account '{Name}' does not define '{symbol}' (MetaApi answered HTTP 404).");
        var price = await _client.GetOrNullAsync(path + "/current-price", MetaApiJsonContext.Default.SymbolPriceDto, cancellationToken).ConfigureAwait(false);
        return MetaApiSymbolSpecs.ToSpec(dto, price is null ? null : MetaApiSymbolSpecs.BrokerOffset(price));
    }

    /// <summary>The current price of <paramref name="symbol"/> read from MetaApi now (also passed to the listeners when it changed).</summary>
    /// <exception cref="GatewayUnavailableException">MetaApi cannot be reached, or the broker does not define the symbol (HTTP 404).</exception>
    public async Task<Tick> GetQuoteAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var price = await _client.GetAsync(
            "symbols/" + Uri.EscapeDataString(symbol) + "/current-price?keepSubscription=true",
            MetaApiJsonContext.Default.SymbolPriceDto,
            cancellationToken).ConfigureAwait(false);
        var tick = new Tick(
            MetaApiMapping.Ms(price.Time) is > 0 and var ms ? ms : _time.GetUtcNow().ToUnixTimeMilliseconds(),
            price.Bid,
            price.Ask,
            0,
            0,
            TickFlags.Bid | TickFlags.Ask);
        Publish(symbol, tick);
        return tick;
    }

    /// <inheritdoc/>
    /// <remarks>Reads the price once (so an unknown symbol fails here), then polls it until the gateway is disposed.</remarks>
    public async Task SubscribeAsync(string symbol, CancellationToken cancellationToken = default)
    {
        await GetQuoteAsync(symbol, cancellationToken).ConfigureAwait(false);
        if (_symbols.TryAdd(symbol, 0))
        {
            lock (_gate)
            {
                if (_poll.IsCompleted && !_disposing.IsCancellationRequested)
                {
                    _poll = Task.Run(PollAsync, CancellationToken.None);
                }
            }
        }
    }

    /// <inheritdoc/>
    public IDisposable Listen(IBrokerListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }

        return new Registration(this, listener);
    }

    private async Task PollAsync()
    {
        using var timer = new PeriodicTimer(_options.QuotePollInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_disposing.Token).ConfigureAwait(false))
            {
                foreach (var symbol in _symbols.Keys)
                {
                    try
                    {
                        await GetQuoteAsync(symbol, _disposing.Token).ConfigureAwait(false);
                    }
                    catch (GatewayUnavailableException ex)
                    {
                        // The next round tries again; IsConnected already reflects a link failure.
                        Log.QuotePollFailed(_logger, Name, symbol, ex.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stores <paramref name="tick"/> and tells the listeners, unless it repeats the last price.</summary>
    private void Publish(string symbol, Tick tick)
    {
        lock (_notifyGate)
        {
            if (_quotes.TryGetValue(symbol, out var last) && last.TimeMs >= tick.TimeMs)
            {
                // Unchanged, or older than what an overlapping read already published.
                return;
            }

            _quotes[symbol] = tick;
            foreach (var listener in Volatile.Read(ref _listeners))
            {
                listener.OnQuote(symbol, tick);
            }
        }
    }
}
