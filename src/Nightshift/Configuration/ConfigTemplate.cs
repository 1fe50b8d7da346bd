using System.Text;
using System.Text.RegularExpressions;
using Nightshift.Configuration.Reading;
using Nightshift.Diagnostics;
using Nightshift.Testing;

namespace Nightshift.Configuration;

/// <summary>
/// The commented nightshift.yml that <c>nightshift init</c> writes: the embedded template
/// (Templates/nightshift.yml) with the toolchain's probe, tests and build filled in.
/// </summary>
public static partial class ConfigTemplate
{
    private const int CommentColumn = 42;

    /// <summary>The file's text for <paramref name="toolchain"/>; for null, a generic file with the commands as examples.</summary>
    public static string Render(Toolchain? toolchain)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["origin"] = toolchain is null
                ? "Written by 'nightshift init', which found no toolchain it knows."
                : $"Written by 'nightshift init' for a {toolchain.Name} project (found {toolchain.Evidence}).",
            ["notes"] = Notes(toolchain),
            ["probe"] = Probe(toolchain),
            ["tests"] = Tests(toolchain),
            ["build"] = Build(toolchain),
        };
        return Fill(ReadTemplate(), variables);
    }

    private static string Notes(Toolchain? toolchain)
    {
        IEnumerable<string> notes = toolchain?.Notes ??
        [
            $"NOTE: no known toolchain was found (looked for {string.Join(", ", ToolchainDetector.Markers)}), so probe, " +
            "tests and build below are commented-out examples. Fill them in: a burn-down needs at least a probe.",
        ];
        return string.Concat(notes.Select(note => "#\n" + Wrap(note)));
    }

    private static string Probe(Toolchain? toolchain)
    {
        var block = new StringBuilder();
        block.AppendLine("probe:");
        block.AppendLine(Entry("command", Yaml(toolchain?.Probe ?? ConfiguredCommand.Argv(["make", "-k", "-B"]))));
        block.AppendLine(Entry("format", WireNames.Name(toolchain?.ProbeFormat ?? DiagnosticFormat.Gcc), string.Join(", ", WireNames.All<DiagnosticFormat>())));
        block.AppendLine(Entry("# pattern", @"'^(?<file>[^:]+):(?<line>\d+): (?<message>.*)$'", "only with format: regex"));
        block.AppendLine(Entry("timeout", "30m"));
        block.AppendLine("  # A corpus instead of a command: each file matching 'items' goes through 'steps'.");
        block.AppendLine("  # corpus:");
        block.AppendLine(Entry("#   items", "'tests/ui/**/*.rs'", "a glob or a list of globs"));
        block.AppendLine(Entry("#   exclude", "[]", "globs of items not to probe, e.g. 'tests/ui/**/test_*'"));
        block.AppendLine(Entry("#   steps", "", "placeholders: {item}, {stem}, {work}, {root}"));
        block.AppendLine("  #     - [rustc, --error-format=json, --emit=metadata, --out-dir, '{work}', '{item}']");
        block.AppendLine(Entry("#   inputs", "[]", "files every step depends on (a compiler)"));
        block.AppendLine(Entry("#   format", "rustc-json"));
        block.AppendLine(Entry("# jobs", "0", "corpus items in parallel; 0 = one per core"));
        block.Append(Entry("# item_timeout", "2m", "for all the steps of one corpus item"));
        return toolchain is null ? CommentOut(block.ToString()) : block.ToString();
    }

    private static string Tests(Toolchain? toolchain)
    {
        var block = new StringBuilder();
        block.AppendLine("tests:");
        block.AppendLine(Entry("command", Yaml(toolchain?.Tests ?? ConfiguredCommand.Argv(["make", "test"]))));
        block.AppendLine(Entry("format", WireNames.Name(toolchain?.Tests is null ? TestFormat.ExitCode : toolchain.TestFormat)));
        if (toolchain?.Tests is not null && toolchain.TestResults is { } results)
        {
            block.AppendLine(Entry("results", Quote(results), "the reports the command writes"));
        }

        block.AppendLine(Entry("runs", "1", "a test failing in any run fails (flakiness guard)"));
        block.Append(Entry("timeout", "30m"));
        return toolchain?.Tests is null ? CommentOut(block.ToString()) : block.ToString();
    }

    private static string Build(Toolchain? toolchain)
    {
        var block = $"build:\n{Entry("command", Yaml(toolchain?.Build ?? ConfiguredCommand.Argv(["make"])))}\n{Entry("timeout", "30m")}";
        return toolchain?.Build is null ? CommentOut(block) : block;
    }

    /// <summary>One indented <c>key: value</c> line with its comment aligned.</summary>
    private static string Entry(string key, string value, string? comment = null)
    {
        var line = value.Length == 0 ? $"  {key}:" : $"  {key}: {value}";
        return comment is null ? line : $"{line.PadRight(CommentColumn - 2)}  # {comment}";
    }

    private static string CommentOut(string block) =>
        string.Join('\n', block.Split('\n').Select(line => line.TrimStart().StartsWith('#') ? line : "# " + line));

    private static string Wrap(string text)
    {
        var lines = new StringBuilder();
        var line = new StringBuilder("#");
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length + 1 + word.Length > 100)
            {
                lines.Append(line).Append('\n');
                line.Clear().Append('#');
            }

            line.Append(' ').Append(word);
        }

        return lines.Append(line).Append('\n').ToString();
    }

    private static string Yaml(ConfiguredCommand command) =>
        command.Script is { } script ? Quote(script) : $"[{string.Join(", ", command.Arguments.Select(Quote))}]";

    /// <summary>Plain when YAML reads it back unchanged as text, single-quoted otherwise.</summary>
    private static string Quote(string value) =>
        PlainSafe().IsMatch(value) && !Number().IsMatch(value) ? value : $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string Fill(string template, Dictionary<string, string> variables)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var text = Variable().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            used.Add(name);
            return variables.TryGetValue(name, out var value)
                ? value
                : throw new InvalidOperationException($"The nightshift.yml template uses {{{{{name}}}}}, which nothing provides.");
        });
        var unused = variables.Keys.Except(used).ToArray();
        return unused.Length == 0
            ? text.Replace("\n\n\n", "\n\n", StringComparison.Ordinal)
            : throw new InvalidOperationException($"The nightshift.yml template lacks {string.Join(", ", unused.Select(u => $"{{{{{u}}}}}"))}.");
    }

    private static string ReadTemplate()
    {
        using var stream = typeof(ConfigTemplate).Assembly.GetManifestResourceStream("Nightshift.Configuration.Templates.nightshift.yml")
            ?? throw new InvalidOperationException("The nightshift.yml template is not embedded in the engine assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^(?:[A-Za-z0-9_./][A-Za-z0-9_./=+-]*|-[A-Za-z0-9_./=+-]+)$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^(?:[-+]?[0-9][0-9_.eE+-]*|true|false|null|yes|no|on|off)$", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}
