using Nightshift.Diagnostics;
using Nightshift.Testing;
namespace Nightshift.Configuration.Reading;

internal sealed partial class ConfigReader
{
    private static readonly string[] _probeKeys = ["command", "format", "pattern", "timeout", "jobs", "item_timeout", "corpus"];
    private static readonly string[] _corpusKeys = ["items", "exclude", "steps", "inputs", "format"];
    private static readonly string[] _testsKeys = ["command", "format", "results", "runs", "timeout"];
    private static readonly string[] _buildKeys = ["command", "timeout"];

    private ProbeConfig? ReadProbe(MappingReader root)
    {
        if (root.Section("probe", _probeKeys) is not { } probe)
        {
            return null;
        }

        var defaults = new ProbeConfig();
        var command = probe.Command("command");
        CheckCommandOnThisMachine(probe, "command");
        var corpus = ReadCorpus(probe);
        var format = probe.Choice<DiagnosticFormat>("format");

        if (probe.Has("command") && probe.Has("corpus"))
        {
            probe.Problem("corpus", "set either probe.command or probe.corpus, not both", atKey: true);
        }
        else if (!probe.Has("command") && !probe.Has("corpus"))
        {
            probe.Missing("command", "a probe needs a command that prints diagnostics (probe.command) or a corpus (probe.corpus)");
        }

        if (probe.Has("command") && !probe.Has("format"))
        {
            probe.Missing("format", "say how to read the command's output", WireNames.All<DiagnosticFormat>());
        }
        else if (probe.Has("corpus") && probe.Has("format"))
        {
            probe.Problem("format", "probe.format describes probe.command's output; for a corpus, set probe.corpus.format", atKey: true);
        }

        var effectiveFormat = probe.Has("corpus") ? corpus?.Format : format;
        var pattern = probe.Read("pattern", (e, n, p) => Values.Pattern(e, n, p, ProbeConfig.PatternGroups, "message"));
        if (effectiveFormat == DiagnosticFormat.Regex && !probe.Has("pattern"))
        {
            probe.Missing("pattern", "format regex needs a regular expression with named groups; (?<message>...) is required", ProbeConfig.PatternGroups);
        }
        else if (effectiveFormat is not null and not DiagnosticFormat.Regex && probe.Has("pattern"))
        {
            probe.Problem("pattern", "a pattern is only used with format: regex", atKey: true);
        }

        return new ProbeConfig
        {
            Command = command,
            Format = probe.Has("corpus") ? null : format,
            Pattern = pattern,
            Timeout = probe.Duration("timeout") ?? defaults.Timeout,
            Jobs = probe.Integer("jobs", 0, Parallelism.MaxJobs, "compilers at once; 0 means one per core") ?? defaults.Jobs,
            ItemTimeout = probe.Duration("item_timeout") ?? defaults.ItemTimeout,
            Corpus = corpus,
        };
    }

    private CorpusConfig? ReadCorpus(MappingReader probe)
    {
        if (probe.Section("corpus", _corpusKeys) is not { } corpus)
        {
            return null;
        }

        var items = corpus.TextList("items", "glob", allowSingle: true);
        if (!corpus.Has("items"))
        {
            corpus.Missing("items", "say which files make up the corpus, as a glob such as 'tests/ui/**/*.rs' or a list of globs");
        }
        else if (items is { Count: 0 })
        {
            corpus.Problem("items", "the list of globs is empty");
        }

        var steps = ReadSteps(corpus);
        CheckCorpusOnThisMachine(corpus);
        return new CorpusConfig
        {
            Items = items ?? [],
            Exclude = corpus.TextList("exclude", "glob", allowSingle: true) ?? [],
            Steps = steps ?? [],
            Inputs = corpus.TextList("inputs", "path") ?? [],
            Format = corpus.Choice<DiagnosticFormat>("format") ?? DiagnosticFormat.RustcJson,
        };
    }

    private List<IReadOnlyList<string>>? ReadSteps(MappingReader corpus)
    {
        var path = corpus.KeyPathOf("steps");
        switch (corpus.Node("steps"))
        {
            case null:
                corpus.Missing("steps", "list the commands run for each item, e.g. [[rustc, --error-format=json, \"{item}\"]]", CorpusConfig.Placeholders);
                return null;
            case SequenceNode { Items.Count: 0 } empty:
                _errors.Add(empty, path, "the list of steps is empty; give at least one command");
                return null;
            case SequenceNode sequence:
                var steps = new List<IReadOnlyList<string>>();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var stepPath = KeyPath.Item(path, i);
                    if (Values.Argv(_errors, sequence.Items[i], stepPath) is not { } step)
                    {
                        if (sequence.Items[i] is ScalarNode { IsNull: true })
                        {
                            _errors.Add(sequence.Items[i], stepPath, "the step is empty; give an argument list such as [rustc, \"{item}\"]");
                        }

                        continue;
                    }

                    var argumentsValid = true;
                    for (var j = 0; j < step.Count; j++)
                    {
                        var argumentNode = ((SequenceNode)sequence.Items[i]).Items[j];
                        argumentsValid &= Values.Placeholders(_errors, argumentNode, KeyPath.Item(stepPath, j), step[j], CorpusConfig.Placeholders);
                    }

                    if (argumentsValid)
                    {
                        steps.Add(step);
                    }
                }

                return steps;
            case var other:
                _errors.Add(other, path, $"expected a list of argument lists, such as [[rustc, \"{{item}}\"]], got {other.Kind}");
                return null;
        }
    }

    private static TestsConfig? ReadTests(MappingReader root)
    {
        if (root.Section("tests", _testsKeys) is not { } tests)
        {
            return null;
        }

        var command = RequireCommand(tests, "the command that runs the test suite, such as [cargo, test]");
        var format = tests.Choice<TestFormat>("format") ?? TestFormat.ExitCode;
        var results = tests.Text("results");
        if (format is TestFormat.Trx or TestFormat.JUnit && !tests.Has("results"))
        {
            tests.Missing("results", $"format {WireNames.Name(format)} reads the report files the command writes; give their glob, e.g. '.nightshift/test-results/*.xml'");
        }
        else if (format is not (TestFormat.Trx or TestFormat.JUnit) && tests.Has("results"))
        {
            tests.Problem("results", "results are only read with format trx or junit", atKey: true);
        }

        var defaults = new TestsConfig { Command = command };
        return defaults with
        {
            Format = format,
            Results = results,
            Runs = tests.Integer("runs", 1) ?? defaults.Runs,
            Timeout = tests.Duration("timeout") ?? defaults.Timeout,
        };
    }

    private static BuildConfig? ReadBuild(MappingReader root)
    {
        if (root.Section("build", _buildKeys) is not { } build)
        {
            return null;
        }

        var defaults = new BuildConfig { Command = RequireCommand(build, "the command that builds the project, such as [cargo, build]") };
        return defaults with { Timeout = build.Duration("timeout") ?? defaults.Timeout };
    }

    /// <summary>A required command; a placeholder stands in when it is missing or invalid (the error is recorded).</summary>
    private static ConfiguredCommand RequireCommand(MappingReader section, string what, string key = "command")
    {
        if (!section.Has(key))
        {
            section.Missing(key, $"give {what}");
        }

        return section.Command(key) ?? ConfiguredCommand.Argv(["false"]);
    }
}
