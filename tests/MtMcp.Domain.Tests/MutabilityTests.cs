using System.Runtime.CompilerServices;

namespace MtMcp.Domain.Tests;

public sealed class MutabilityTests
{
    [Fact]
    public void EveryPublicDomainType_DeclaresItsMutability()
    {
        var undeclared = typeof(Bar).Assembly.GetExportedTypes()
            .Where(t => !t.IsEnum && !t.IsInterface && !(t.IsAbstract && t.IsSealed) && !typeof(Attribute).IsAssignableFrom(t))
            .Where(t => !IsReadOnlyStruct(t) && !IsRecord(t)
                && t.GetCustomAttributes(typeof(ImmutableAttribute), false).Length == 0
                && t.GetCustomAttributes(typeof(MutableAttribute), false).Length == 0)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(undeclared);
    }

    private static bool IsReadOnlyStruct(Type type) =>
        type.IsValueType && type.GetCustomAttributes(typeof(IsReadOnlyAttribute), false).Length > 0;

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;
}
