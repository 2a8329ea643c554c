using System.Runtime.CompilerServices;

namespace MtMcp.Engine.Tests;

public sealed class MutabilityTests
{
    [Fact]
    public void EveryPublicEngineType_DeclaresItsMutability()
    {
        var undeclared = typeof(TradingAccount).Assembly.GetExportedTypes()
            .Where(t => !t.IsEnum && !t.IsInterface && !(t.IsAbstract && t.IsSealed) && !typeof(Attribute).IsAssignableFrom(t))
            .Where(t => !(t.IsValueType && t.GetCustomAttributes(typeof(IsReadOnlyAttribute), false).Length > 0)
                && t.GetMethod("<Clone>$") is null
                && t.GetCustomAttributes(typeof(ImmutableAttribute), false).Length == 0
                && t.GetCustomAttributes(typeof(MutableAttribute), false).Length == 0)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(undeclared);
    }
}
