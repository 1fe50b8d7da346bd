namespace Nightshift.Configuration.Reading;

internal static partial class Values
{
    /// <summary>A list of non-empty strings; with <paramref name="allowSingle"/>, a lone string counts as a list of one.</summary>
    public static IReadOnlyList<string>? TextList(ConfigErrors errors, ConfigNode node, string path, bool allowSingle, string what)
    {
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                return null;
            case ScalarNode scalar when allowSingle:
                return NonEmpty(errors, scalar, path, what) is { } single ? [single] : null;
            case SequenceNode sequence:
                var items = new List<string>();
                var valid = true;
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var itemPath = KeyPath.Item(path, i);
                    var item = Text(errors, sequence.Items[i], itemPath, what) is { } text ? NonEmpty(errors, (ScalarNode)sequence.Items[i], itemPath, what, text) : null;
                    valid &= item is not null;
                    items.Add(item ?? "");
                }

                return valid ? items : null;
            default:
                errors.Add(node, path, $"expected a list of {what}s{(allowSingle ? $" or one {what}" : "")}, got {node.Kind}");
                return null;
        }
    }

    /// <summary>An argument list such as <c>[cargo, check]</c>: a list of strings whose first is the program.</summary>
    public static IReadOnlyList<string>? Argv(ConfigErrors errors, ConfigNode node, string path)
    {
        if (node is ScalarNode { IsNull: false } scalar)
        {
            errors.Add(node, path, $"expected an argument list such as [{string.Join(", ", scalar.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3))}], got {node.Kind}");
            return null;
        }

        if (node is not SequenceNode sequence)
        {
            return node is ScalarNode ? null : Fail(errors, node, path, $"expected an argument list such as [make, test], got {node.Kind}");
        }

        if (sequence.Items.Count == 0)
        {
            return Fail(errors, node, path, "the argument list is empty; it needs at least the program to run");
        }

        var arguments = new List<string>();
        var valid = true;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = KeyPath.Item(path, i);

            // An empty argument is legitimate when quoted (""); a bare empty one is a slip.
            var argument = item is ScalarNode { IsNull: true }
                ? Fail<string>(errors, item, itemPath, "an argument has no value; write \"\" if an empty argument is meant")
                : Text(errors, item, itemPath, "an argument (a string)");
            valid &= argument is not null;
            arguments.Add(argument ?? "");
        }

        if (valid && arguments[0].Length == 0)
        {
            return Fail(errors, sequence.Items[0], KeyPath.Item(path, 0), "the program name is empty");
        }

        return valid ? arguments : null;
    }

    /// <summary>A command: an argument list, run as is, or a string, run with <c>sh -c</c>.</summary>
    public static ConfiguredCommand? Command(ConfigErrors errors, ConfigNode node, string path)
    {
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                return null;
            case ScalarNode scalar:
                return NonEmpty(errors, scalar, path, "command") is { } script ? ConfiguredCommand.Shell(script) : null;
            case SequenceNode:
                return Argv(errors, node, path) is { } arguments ? ConfiguredCommand.Argv(arguments) : null;
            default:
                errors.Add(node, path, $"expected a command: an argument list such as [make, test] or a shell string such as \"make test\", got {node.Kind}");
                return null;
        }
    }

    /// <summary>A mapping of names to strings, such as environment variables.</summary>
    public static IReadOnlyDictionary<string, string>? Map(ConfigErrors errors, ConfigNode node, string path, Func<string, string?> checkName)
    {
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                return null;
            case MappingNode mapping:
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Entries.Select(e => (e.Key, e.Value)))
                {
                    var entryPath = KeyPath.Child(path, key.Value);
                    if (checkName(key.Value) is { } problem)
                    {
                        errors.Add(key, entryPath, problem);
                    }
                    else if (value is ScalarNode { IsNull: true })
                    {
                        map[key.Value] = "";
                    }
                    else if (Text(errors, value, entryPath) is { } text)
                    {
                        map[key.Value] = text;
                    }
                }

                return map;
            default:
                errors.Add(node, path, $"expected a mapping of names to values, got {node.Kind}");
                return null;
        }
    }

    /// <summary>A mapping of names to glob lists (a single glob allowed), such as <c>agent.hints</c>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>>? GlobMap(ConfigErrors errors, ConfigNode node, string path)
    {
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                return null;
            case MappingNode mapping:
                var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Entries.Select(e => (e.Key, e.Value)))
                {
                    if (TextList(errors, value, KeyPath.Child(path, key.Value), allowSingle: true, "glob") is { } globs)
                    {
                        map[key.Value] = globs;
                    }
                }

                return map;
            default:
                errors.Add(node, path, $"expected a mapping of codes to globs, such as {{ E0308: [src/type_mapper.rs] }}, got {node.Kind}");
                return null;
        }
    }

    /// <summary>
    /// <c>agent.routes</c>: a mapping of <c>|</c>-separated codes, keys or families to a model name, in the order written
    /// (the first route a task matches wins).
    /// </summary>
    public static IReadOnlyList<AgentRoute>? Routes(ConfigErrors errors, ConfigNode node, string path)
    {
        const string Example = "such as { E0382|E0499|E0502: borrow, E0277: traits }";
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                return null;
            case MappingNode mapping:
                var routes = new List<AgentRoute>();
                foreach (var (key, value) in mapping.Entries.Select(e => (e.Key, e.Value)))
                {
                    var keyPath = KeyPath.Child(path, key.Value);
                    var matches = key.Value.Split('|', StringSplitOptions.TrimEntries);
                    if (matches.Any(m => m.Length == 0))
                    {
                        errors.Add(key, keyPath, $"'{key.Value}' has an empty alternative: write codes or families separated by |, {Example}");
                    }
                    else if (value is ScalarNode { IsNull: false } model && NonEmpty(errors, model, keyPath, "model name") is { } name)
                    {
                        routes.Add(new AgentRoute(matches, name));
                    }
                    else if (value is not ScalarNode { IsNull: false })
                    {
                        errors.Add(value, keyPath, $"expected the model (or adapter) name of this family, {Example}, got {value.Kind}");
                    }
                }

                return routes;
            default:
                errors.Add(node, path, $"expected a mapping of codes or families to a model, {Example}, got {node.Kind}");
                return null;
        }
    }

    private static string? NonEmpty(ConfigErrors errors, ScalarNode node, string path, string what, string? text = null)
    {
        text ??= node.Value;
        return string.IsNullOrWhiteSpace(text) ? Fail<string>(errors, node, path, $"the {what} is empty") : text;
    }

    private static T? Fail<T>(ConfigErrors errors, ConfigNode node, string path, string problem)
        where T : class
    {
        errors.Add(node, path, problem);
        return null;
    }

    private static IReadOnlyList<string>? Fail(ConfigErrors errors, ConfigNode node, string path, string problem) =>
        Fail<IReadOnlyList<string>>(errors, node, path, problem);
}
