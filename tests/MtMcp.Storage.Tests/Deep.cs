using System.Collections;
using System.Globalization;
using System.Reflection;

namespace MtMcp.Storage.Tests;

/// <summary>
/// Structural equality over every public property, recursively, naming the first difference: decimals must keep
/// their scale, doubles their value (NaN included), lists and dictionaries their order.
/// </summary>
internal static class Deep
{
    public static void Equal(object? expected, object? actual, string path = "state")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        Assert.True(expected.GetType() == actual.GetType() || expected is IEnumerable, $"{path}: type {expected.GetType()} became {actual.GetType()}");
        switch (expected)
        {
            case decimal d:
                Assert.True(
                    d.ToString(CultureInfo.InvariantCulture) == ((decimal)actual).ToString(CultureInfo.InvariantCulture),
                    $"{path}: expected {d.ToString(CultureInfo.InvariantCulture)}, got {((decimal)actual).ToString(CultureInfo.InvariantCulture)}");
                return;
            case double x:
                Assert.True(x.Equals((double)actual), $"{path}: expected {x:R}, got {(double)actual:R}");
                return;
            case string or Enum or TimeSpan or bool or int or long or ulong:
                Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
                return;
            case IDictionary dictionary:
                var actualEntries = ((IEnumerable)actual).Cast<object>().ToList();
                var expectedEntries = ((IEnumerable)dictionary).Cast<object>().ToList();
                Assert.True(expectedEntries.Count == actualEntries.Count, $"{path}: {expectedEntries.Count} entries became {actualEntries.Count}");
                for (var i = 0; i < expectedEntries.Count; i++)
                {
                    Equal(Property(expectedEntries[i], "Key"), Property(actualEntries[i], "Key"), $"{path}[{i}].Key");
                    Equal(Property(expectedEntries[i], "Value"), Property(actualEntries[i], "Value"), $"{path}[{i}].Value");
                }

                return;
            case IEnumerable sequence:
                var e = sequence.Cast<object>().ToList();
                var a = ((IEnumerable)actual).Cast<object>().ToList();
                Assert.True(e.Count == a.Count, $"{path}: {e.Count} items became {a.Count}");
                for (var i = 0; i < e.Count; i++)
                {
                    Equal(e[i], a[i], $"{path}[{i}]");
                }

                return;
        }

        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Equal(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
            }
        }
    }

    private static object? Property(object entry, string name) => entry.GetType().GetProperty(name)!.GetValue(entry);
}
