namespace Nightshift.Configuration.Reading;

internal sealed partial class ConfigReader
{
    private static readonly string[] _workspaceKeys = ["copy", "env", "setup", "reuse", "keep"];
    private static readonly string[] _benchKeys = ["suites", "jobs", "min_free_disk_mb"];
    private static readonly string[] _learnKeys = ["train", "gates", "promote_to"];
    private static readonly string[] _trainKeys = ["command", "loss_pattern", "output"];
    private static readonly string[] _gatesKeys = ["margin"];
    private static readonly string[] _crashKeys = ["watch", "cores", "executable", "repro", "repro_timeout", "poll", "settle", "reuse", "service"];
    private static readonly string[] _serviceKeys = ["stop", "start", "health", "health_timeout", "grace"];

    private static WorkspaceConfig ReadWorkspace(MappingReader root)
    {
        var defaults = new WorkspaceConfig();
        if (root.Section("workspace", _workspaceKeys) is not { } workspace)
        {
            return defaults;
        }

        return new WorkspaceConfig
        {
            Copy = workspace.TextList("copy", "path", allowSingle: true) ?? defaults.Copy,
            Env = workspace.Read("env", (e, n, p) => Values.Map(e, n, p, CheckVariableName)) ?? defaults.Env,
            Setup = workspace.Command("setup"),
            Reuse = workspace.Boolean("reuse") ?? defaults.Reuse,
            Keep = workspace.TextList("keep", "pattern", allowSingle: true) ?? defaults.Keep,
        };
    }

    private static string? CheckVariableName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? null
            : $"'{name}' is not an environment variable name: letters, digits and _, not starting with a digit";

    private static BenchConfig ReadBench(MappingReader root)
    {
        var defaults = new BenchConfig();
        if (root.Section("bench", _benchKeys) is not { } bench)
        {
            return defaults;
        }

        if (bench.Has("min_free_disk_mb"))
        {
            // Moved, not aliased: one spelling of the threshold, read once, guarding every workload (issue 18).
            bench.Problem(
                "min_free_disk_mb",
                "moved to limits.min_free_disk, a size that guards the disk of every workload; write it there, e.g. 'limits: { min_free_disk: 2GB }'",
                atKey: true);
        }

        return new BenchConfig
        {
            Suites = bench.TextList("suites", "path", allowSingle: true) ?? defaults.Suites,
            Jobs = bench.Integer("jobs", 0, Parallelism.MaxJobs, "runs at once; 0 means one per core") ?? defaults.Jobs,
        };
    }

    private static LearnConfig ReadLearn(MappingReader root)
    {
        var defaults = new LearnConfig();
        if (root.Section("learn", _learnKeys) is not { } learn)
        {
            return defaults;
        }

        TrainConfig? train = null;
        if (learn.Section("train", _trainKeys) is { } section)
        {
            train = new TrainConfig
            {
                Command = RequireCommand(section, "the command that trains a model"),
                LossPattern = section.Read("loss_pattern", (e, n, p) => Values.Pattern(e, n, p, ["loss", "step"], "loss")),
                Output = section.Text("output"),
            };
        }

        var gates = learn.Section("gates", _gatesKeys) is { } gatesSection
            ? new GatesConfig { Margin = gatesSection.Number("margin") ?? defaults.Gates.Margin }
            : defaults.Gates;
        return new LearnConfig { Train = train, Gates = gates, PromoteTo = learn.Choice<PromotionTarget>("promote_to") ?? defaults.PromoteTo };
    }

    private CrashConfig? ReadCrash(MappingReader root)
    {
        if (root.Section("crash", _crashKeys) is not { } crash)
        {
            return null;
        }

        var watch = crash.TextList("watch", "glob or path", allowSingle: true);
        var cores = ReadCores(crash);
        if (!crash.Has("watch") && !crash.Has("cores"))
        {
            crash.Missing("watch", "say where crash reports appear, as a glob or path, or a list of them (or where core files appear: crash.cores)");
        }
        else if (watch is { Count: 0 } && cores is null)
        {
            crash.Problem("watch", "the list of globs is empty");
        }

        var reuse = crash.TextList("reuse", "path", allowSingle: true) ?? [];
        foreach (var path in reuse.Where(p => Path.IsPathRooted(p) || p.Replace('\\', '/').Split('/').Contains("..")))
        {
            crash.Problem("reuse", $"'{path}' is not inside the repository: give build outputs as relative paths, such as target");
        }

        var defaults = new CrashConfig { Watch = watch ?? [] };
        return defaults with
        {
            Cores = cores,
            Executable = crash.Text("executable"),
            Reuse = reuse,
            Repro = crash.Argv("repro"),
            ReproTimeout = crash.Duration("repro_timeout") ?? defaults.ReproTimeout,
            Poll = crash.Duration("poll") ?? defaults.Poll,
            Settle = crash.Duration("settle") ?? defaults.Settle,
            Service = ReadService(crash),
        };
    }

    private static ServiceConfig? ReadService(MappingReader crash)
    {
        if (crash.Section("service", _serviceKeys) is not { } service)
        {
            return null;
        }

        var defaults = new ServiceConfig { Start = RequireCommand(service, "the command that starts the service", "start") };
        return defaults with
        {
            Stop = service.Command("stop"),
            Health = service.Read("health", ReadHealth),
            HealthTimeout = service.Duration("health_timeout") ?? defaults.HealthTimeout,
            Grace = service.Duration("grace") ?? defaults.Grace,
        };
    }

    private static HealthCheck? ReadHealth(ConfigErrors errors, ConfigNode node, string path) => node switch
    {
        SequenceNode => Values.Argv(errors, node, path) is { } argv ? new HealthCheck.Command(ConfiguredCommand.Argv(argv)) : null,
        ScalarNode => Values.HttpUrl(errors, node, path) is { } url ? new HealthCheck.Http(url) : null,
        _ => Unexpected(errors, node, path),
    };

    private static HealthCheck? Unexpected(ConfigErrors errors, ConfigNode node, string path)
    {
        errors.Add(node, path, $"expected an http(s) URL or an argument list such as [curl, -f, http://localhost:8080/health], got {node.Kind}");
        return null;
    }
}
