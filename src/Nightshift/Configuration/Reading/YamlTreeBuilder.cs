using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Nightshift.Configuration.Reading;

/// <summary>
/// Reads YAML text into a <see cref="ConfigNode"/> tree with line and column on every node. Syntax errors
/// become <see cref="ConfigError"/>s at the place the parser stopped; duplicate keys are collected.
/// </summary>
internal sealed class YamlTreeBuilder
{
    private const string StringTag = "tag:yaml.org,2002:str";

    private readonly Parser _parser;
    private readonly ConfigErrors _errors;
    private readonly Dictionary<string, ConfigNode> _anchors = new(StringComparer.Ordinal);

    // YamlDotNet 16 throws a bare InvalidOperationException for an unclosed '[' or '{' followed by more
    // text; remembering where the open flow collections start lets us still point at the culprit.
    private readonly Stack<(int Line, int Column, char Opener)> _openFlows = new();

    private YamlTreeBuilder(string text, ConfigErrors errors)
    {
        _parser = new Parser(new StringReader(text));
        _errors = errors;
    }

    /// <summary>The root node of the single document in <paramref name="text"/>, or null when it is empty or unparsable.</summary>
    public static ConfigNode? Build(string text, ConfigErrors errors) => new YamlTreeBuilder(text, errors).Build();

    private ConfigNode? Build()
    {
        try
        {
            _parser.Consume<StreamStart>();
            if (_parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            _parser.Consume<DocumentStart>();
            var root = ReadNode("");
            _parser.Consume<DocumentEnd>();
            if (_parser.Accept<DocumentStart>(out var second))
            {
                _errors.Add(Line(second.Start), Column(second.Start), "", "a second YAML document; nightshift.yml holds exactly one");
            }

            return root;
        }
        catch (YamlException e)
        {
            _errors.Add(Line(e.Start), Column(e.Start), "", $"YAML syntax error: {Describe(e)}");
            return null;
        }
        catch (InvalidOperationException) when (_openFlows.TryPeek(out var open))
        {
            var closer = open.Opener == '[' ? ']' : '}';
            _errors.Add(open.Line, open.Column, "", $"YAML syntax error: this '{open.Opener}' is never closed with '{closer}'");
            return null;
        }
    }

    private ConfigNode ReadNode(string path)
    {
        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            return _anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value} refers to no anchor &{alias.Value} above it");
        }

        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            var quoted = scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag);
            return Remember(scalar, new ScalarNode(Line(scalar.Start), Column(scalar.Start), scalar.Value, quoted));
        }

        if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            return Remember(sequenceStart, ReadSequence(sequenceStart, path));
        }

        if (_parser.TryConsume<MappingStart>(out var mappingStart))
        {
            return Remember(mappingStart, ReadMapping(mappingStart, path));
        }

        var unexpected = _parser.Current!;
        throw new YamlException(unexpected.Start, unexpected.End, $"unexpected {unexpected.GetType().Name}");
    }

    private SequenceNode ReadSequence(SequenceStart start, string path)
    {
        var flow = start.Style == SequenceStyle.Flow;
        if (flow)
        {
            _openFlows.Push((Line(start.Start), Column(start.Start), '['));
        }

        var items = new List<ConfigNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(KeyPath.Item(path, items.Count)));
        }

        if (flow)
        {
            _openFlows.Pop();
        }

        return new SequenceNode(Line(start.Start), Column(start.Start), items);
    }

    private MappingNode ReadMapping(MappingStart start, string path)
    {
        var flow = start.Style == MappingStyle.Flow;
        if (flow)
        {
            _openFlows.Push((Line(start.Start), Column(start.Start), '{'));
        }

        var entries = new List<MappingEntry>();
        var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(path);
            var keyPath = key is ScalarNode { Value: var text } ? KeyPath.Child(path, text) : path;
            var value = ReadNode(keyPath);
            if (key is not ScalarNode name)
            {
                _errors.Add(key, path, $"a key must be a plain name, not {key.Kind}");
            }
            else if (seen.TryGetValue(name.Value, out var first))
            {
                _errors.Add(name, keyPath, $"duplicate key; it is already set at line {first.Line}, column {first.Column}");
            }
            else
            {
                seen.Add(name.Value, name);
                entries.Add(new MappingEntry(name, value));
            }
        }

        if (flow)
        {
            _openFlows.Pop();
        }

        return new MappingNode(Line(start.Start), Column(start.Start), entries);
    }

    private T Remember<T>(NodeEvent source, T node)
        where T : ConfigNode
    {
        if (!source.Anchor.IsEmpty)
        {
            _anchors[source.Anchor.Value] = node;
        }

        return node;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes some messages with the position we already report.
        var message = e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        message = message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0 ? message[(marker + 3)..] : message;

        // The parser's words for what is nearly always a misaligned line.
        var indentation = message.Contains("did not find expected key", StringComparison.Ordinal)
            || message.Contains("invalid mapping", StringComparison.Ordinal)
            || message.Contains("did not find expected '-' indicator", StringComparison.Ordinal);
        return indentation ? $"{message.TrimEnd('.')} (check the indentation: the keys of one section line up in one column)" : message;
    }

    private static int Line(Mark mark) => (int)mark.Line;

    private static int Column(Mark mark) => (int)mark.Column;
}
