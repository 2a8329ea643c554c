using MtMcp.Domain;

namespace MtMcp.Server.Market;

/// <summary>Told of every tick the live feed streams: the symbol's index in <see cref="LiveQuotes.Symbols"/> and the tick.</summary>
internal delegate void TickListener(int symbol, in Tick tick);
