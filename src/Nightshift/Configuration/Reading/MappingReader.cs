namespace Nightshift.Configuration.Reading;

/// <summary>
/// One mapping of the configuration (the root or a section) with its accepted keys. Unknown keys are
/// reported when it is opened; typed getters read a key's value and record what is wrong with it.
/// </summary>
internal sealed class MappingReader
{
    // Keys people reach for when they mean to paste a secret; each gets the api_key_env advice, not "unknown key".
    private static readonly string[] _secretKeys = ["api_key", "apikey", "key", "token", "api_token", "secret", "password"];

    private readonly Dictionary<string, MappingEntry> _entries = new(StringComparer.Ordinal);

    private MappingReader(ConfigErrors errors, string path, int line, int column)
    {
        Errors = errors;
        Path = path;
        Line = line;
        Column = column;
    }

    public ConfigErrors Errors { get; }

    /// <summary>The dotted path of this mapping; empty for the root.</summary>
    public string Path { get; }

    /// <summary>Where a missing key is reported: the section's own key, or the start of the file.</summary>
    public int Line { get; }

    public int Column { get; }

    public static MappingReader Root(ConfigErrors errors, MappingNode node, IReadOnlyList<string> keys) =>
        new MappingReader(errors, "", 1, 1).Accept(node, keys);

    /// <summary>
    /// The top-level mapping of the YAML <paramref name="text"/>, with <paramref name="keys"/>. An empty file, or a top level
    /// that is not a mapping, ends the reading: it is thrown with every problem found so far.
    /// </summary>
    /// <param name="text">The YAML.</param>
    /// <param name="errors">Where every problem is collected.</param>
    /// <param name="keys">The keys the top level may have.</param>
    /// <param name="whenEmpty">What to say of an empty file (reported at the missing <c>version</c>).</param>
    /// <param name="expected">What the top level should be, as in "expected a mapping (version: 1, ...)".</param>
    /// <exception cref="ConfigException">No mapping at the top.</exception>
    public static MappingReader ParseRoot(string text, ConfigErrors errors, IReadOnlyList<string> keys, string whenEmpty, string expected)
    {
        var tree = YamlTreeBuilder.Build(text, errors);
        if (tree is null && errors.Count == 0)
        {
            errors.Add(1, 1, "version", whenEmpty);
        }

        if (tree is not null and not MappingNode)
        {
            errors.Add(tree, "", $"expected {expected}, got {tree.Kind}", keys, "keys");
        }

        return tree is MappingNode mapping ? Root(errors, mapping, keys) : throw new ConfigException(errors.All);
    }

    /// <summary>A mapping found anywhere (an item of a list, such as <c>tasks[2]</c>), named by its key path.</summary>
    public static MappingReader At(ConfigErrors errors, MappingNode node, string path, IReadOnlyList<string> keys) =>
        new MappingReader(errors, path, node.Line, node.Column).Accept(node, keys);

    /// <summary>The sub-mapping under <paramref name="key"/>, or null when it is absent, empty or not a mapping.</summary>
    public MappingReader? Section(string key, IReadOnlyList<string> keys)
    {
        if (!_entries.TryGetValue(key, out var entry) || entry.Value is ScalarNode { IsNull: true })
        {
            return null;
        }

        var path = KeyPath.Child(Path, key);
        if (entry.Value is not MappingNode mapping)
        {
            Errors.Add(entry.Value, path, $"expected a mapping (indented keys below '{key}:'), got {entry.Value.Kind}", keys, "keys");
            return null;
        }

        return new MappingReader(Errors, path, entry.Key.Line, entry.Key.Column).Accept(mapping, keys);
    }

    /// <summary>True when the key is present with a value (a YAML null counts as absent).</summary>
    public bool Has(string key) => Node(key) is not null;

    /// <summary>The value node of the key, or null when absent or null.</summary>
    public ConfigNode? Node(string key) =>
        _entries.TryGetValue(key, out var entry) && entry.Value is not ScalarNode { IsNull: true } ? entry.Value : null;

    /// <summary>The key node itself, for problems that concern the key rather than its value.</summary>
    public ConfigNode? KeyNode(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key : null;

    public string KeyPathOf(string key) => KeyPath.Child(Path, key);

    /// <summary>Records that a required key is absent, at this mapping's own key.</summary>
    public void Missing(string key, string why, IReadOnlyList<string>? accepted = null) =>
        Errors.Add(Line, Column, KeyPathOf(key), $"missing; {why}", accepted);

    /// <summary>
    /// Records a problem about <paramref name="key"/>: at its value (or, with <paramref name="atKey"/>, at the key
    /// itself, for conflicts between keys), else at this mapping.
    /// </summary>
    public void Problem(string key, string problem, bool atKey = false)
    {
        if ((atKey ? KeyNode(key) : Node(key) ?? KeyNode(key)) is { } node)
        {
            Errors.Add(node, KeyPathOf(key), problem);
        }
        else
        {
            Errors.Add(Line, Column, KeyPathOf(key), problem);
        }
    }

    public T? Read<T>(string key, Func<ConfigErrors, ConfigNode, string, T?> read)
        where T : class => Node(key) is { } node ? read(Errors, node, KeyPathOf(key)) : null;

    public T? ReadValue<T>(string key, Func<ConfigErrors, ConfigNode, string, T?> read)
        where T : struct => Node(key) is { } node ? read(Errors, node, KeyPathOf(key)) : null;

    public string? Text(string key) => Read(key, (e, n, p) => Values.Text(e, n, p));

    public int? Integer(string key, int minimum) => ReadValue(key, (e, n, p) => Values.Integer(e, n, p, minimum));

    /// <summary>An integer in [<paramref name="minimum"/>, <paramref name="maximum"/>]; past the maximum the error says <paramref name="whyMaximum"/>.</summary>
    public int? Integer(string key, int minimum, int maximum, string whyMaximum) =>
        ReadValue(key, (e, n, p) => Values.Integer(e, n, p, minimum, maximum, whyMaximum));

    public decimal? Number(string key, decimal minimum = 0) => ReadValue(key, (e, n, p) => Values.Number(e, n, p, minimum));

    public bool? Boolean(string key) => ReadValue(key, Values.Boolean);

    public TimeSpan? Duration(string key) => ReadValue(key, Values.Duration);

    public long? ByteSize(string key) => ReadValue(key, Values.ByteSize);

    public T? Choice<T>(string key)
        where T : struct, Enum => ReadValue(key, Values.Choice<T>);

    public ConfiguredCommand? Command(string key) => Read(key, Values.Command);

    public IReadOnlyList<string>? Argv(string key) => Read(key, Values.Argv);

    public IReadOnlyList<string>? TextList(string key, string what, bool allowSingle = false) =>
        Read(key, (e, n, p) => Values.TextList(e, n, p, allowSingle, what));

    private MappingReader Accept(MappingNode node, IReadOnlyList<string> keys)
    {
        foreach (var entry in node.Entries)
        {
            var name = entry.Key.Value;
            if (keys.Contains(name))
            {
                _entries[name] = entry;
            }
            else
            {
                ReportUnknown(entry.Key, name, keys);
            }
        }

        return this;
    }

    private void ReportUnknown(ScalarNode key, string name, IReadOnlyList<string> keys)
    {
        var path = KeyPathOf(name);
        if (_secretKeys.Contains(name.ToLowerInvariant().Replace('-', '_')))
        {
            Errors.Add(key, path, "the configuration never holds secrets: put the key in an environment variable " +
                "and name that variable with api_key_env (for example api_key_env: OPENAI_API_KEY)");
            return;
        }

        Errors.Add(key, path, "unknown key", keys, "keys", Suggestions.Closest(name, keys));
    }
}
