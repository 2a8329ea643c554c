using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace MtMcp.Storage.Tests;

/// <summary>
/// Builds an instance of a record with every settable public property set, by reflection, to a non-default value
/// distinct from every other value of the graph: a property the journal forgets, or two columns it swaps, cannot
/// survive a round trip unnoticed, even for members added after this test was written.
/// </summary>
internal sealed class Filler
{
    private int _next;

    public T Create<T>() => (T)Create(typeof(T));

    private object Create(Type type)
    {
        var instance = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (property.SetMethod is { IsPublic: true })
            {
                property.SetValue(instance, Value(property.PropertyType, property.Name));
            }
        }

        return instance;
    }

    private object Value(Type type, string name)
    {
        var n = ++_next;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return $"Ünïcødé €𝄞 中文 {name} {n}";
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type).Cast<object>().Where(v => Convert.ToInt64(v, null) != 0).ToArray();
            return values[n % values.Length];
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()))!;
            list.Add(Value(type.GetGenericArguments()[0], name));
            list.Add(Value(type.GetGenericArguments()[0], name));
            return list;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var arguments = type.GetGenericArguments();
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            dictionary.Add(Value(arguments[0], name), Value(arguments[1], name));
            dictionary.Add(Value(arguments[0], name), Value(arguments[1], name));
            return dictionary;
        }

        return type switch
        {
            // Tickets and magics in the top half of the range (stored as negative INTEGERs), increasing with n.
            _ when type == typeof(ulong) => ulong.MaxValue - 100_000 + (ulong)n,
            _ when type == typeof(long) => 1_700_000_000_000 + n,
            _ when type == typeof(int) => 1_000 + n,
            _ when type == typeof(bool) => true,
            _ when type == typeof(decimal) => 1234567890123456.789012345678m + n,
            _ when type == typeof(double) => Math.PI * n,
            _ when type == typeof(TimeSpan) => TimeSpan.FromTicks(36_000_000_001 + n),
            _ when type.IsClass => Create(type),
            _ => throw new NotSupportedException($"The filler cannot make a {type} for {name}: teach it this type."),
        };
    }
}
