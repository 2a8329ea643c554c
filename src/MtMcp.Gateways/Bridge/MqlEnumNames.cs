using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace MtMcp.Gateways.Bridge;

/// <summary>
/// The MQL names of one MT5 enum (<c>ORDER_TYPE_BUY_LIMIT</c> ↔ <see cref="OrderType.BuyLimit"/>). The bridge
/// carries enums by name, never by number; a name this table does not know is unsupported, not guessed.
/// </summary>
/// <typeparam name="TEnum">The domain enum.</typeparam>
public sealed class MqlEnumNames<TEnum>
    where TEnum : struct, Enum
{
    private readonly FrozenDictionary<TEnum, string> _names;
    private readonly FrozenDictionary<string, TEnum> _values;

    /// <summary>
    /// Builds the table: each member is <paramref name="prefix"/> + its name in UPPER_SNAKE case, unless
    /// <paramref name="overrides"/> gives the MQL suffix (where MQL does not split words as C# does).
    /// </summary>
    public MqlEnumNames(string prefix, params (TEnum Value, string Suffix)[] overrides)
    {
        var names = new Dictionary<TEnum, string>();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            names[value] = prefix + ToUpperSnake(Enum.GetName(value)!);
        }

        foreach (var (value, suffix) in overrides)
        {
            names[value] = prefix + suffix;
        }

        _names = names.ToFrozenDictionary();
        _values = names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        Prefix = prefix;
    }

    /// <summary>The common prefix of the MQL names (<c>ORDER_TYPE_</c>).</summary>
    public string Prefix { get; }

    /// <summary>Every MQL name, for error messages.</summary>
    public IEnumerable<string> Names => _values.Keys.Order(StringComparer.Ordinal);

    /// <summary>The MQL name of <paramref name="value"/>.</summary>
    public string Name(TEnum value) => _names[value];

    /// <summary>The member named <paramref name="name"/>; false for null or an unknown name.</summary>
    public bool TryParse([NotNullWhen(true)] string? name, out TEnum value)
    {
        if (name is not null && _values.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The member named <paramref name="name"/>.</summary>
    /// <exception cref="BridgeException">Code <see cref="BridgeErrorCodes.Unsupported"/> for an unknown name.</exception>
    public TEnum Parse(string? name, string field) =>
        TryParse(name, out var value)
            ? value
            : throw new BridgeException(
                BridgeErrorCodes.Unsupported,
                $"{field} '{name}' is not a supported {Prefix}* name; supported: {string.Join(", ", Names)}");

    private static string ToUpperSnake(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
