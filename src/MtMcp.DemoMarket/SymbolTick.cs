using MtMcp.Domain;

namespace MtMcp.DemoMarket;

/// <summary>A tick of one symbol in a stream that merges several symbols in time order.</summary>
/// <param name="Symbol">The symbol name, as in its <see cref="SymbolSpec"/>.</param>
/// <param name="Tick">The tick: bid and ask on the symbol's tick grid, flags telling which of them changed.</param>
public readonly record struct SymbolTick(string Symbol, Tick Tick);
