namespace Nightshift.Configuration.Reading;

/// <summary>
/// A YAML node with the place it was written. Our own small tree, rather than YamlDotNet's representation
/// model, so that duplicate keys and bad aliases become collected errors instead of exceptions.
/// </summary>
internal abstract record ConfigNode(int Line, int Column)
{
    /// <summary>What this node is, for messages like "expected an integer, got a list".</summary>
    public abstract string Kind { get; }
}

internal sealed record ScalarNode(int Line, int Column, string Value, bool IsQuoted) : ConfigNode(Line, Column)
{
    /// <summary>An unquoted empty value, <c>~</c> or <c>null</c>: YAML's way of writing nothing.</summary>
    public bool IsNull => !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Kind => IsQuoted ? $"the string \"{Value}\"" : $"'{Value}'";
}

internal sealed record SequenceNode(int Line, int Column, IReadOnlyList<ConfigNode> Items) : ConfigNode(Line, Column)
{
    public override string Kind => "a list";
}

internal sealed record MappingNode(int Line, int Column, IReadOnlyList<MappingEntry> Entries) : ConfigNode(Line, Column)
{
    public override string Kind => "a mapping";
}

internal sealed record MappingEntry(ScalarNode Key, ConfigNode Value);
