namespace MtMcp.Domain;

/// <summary>Marks a class or struct whose state changes after construction; callers must not share it across threads unguarded.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class MutableAttribute : Attribute;
