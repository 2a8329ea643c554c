namespace MtMcp.Domain;

/// <summary>Marks a class whose observable state never changes after construction.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ImmutableAttribute : Attribute;
