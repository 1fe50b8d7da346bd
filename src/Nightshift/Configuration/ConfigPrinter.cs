using System.Text.Json.Nodes;
using Nightshift.Configuration.Reading;

namespace Nightshift.Configuration;

/// <summary>
/// The effective configuration (the file plus every default) in the file's own keys, as JSON or as YAML
/// that <see cref="ConfigLoader"/> reads back to the same configuration.
/// </summary>
public static partial class ConfigPrinter
{
    public static JsonObject ToJson(NightshiftConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new JsonObject
        {
            ["version"] = config.Version,
            ["probe"] = config.Probe is { } probe ? Probe(probe) : null,
            ["tests"] = config.Tests is { } tests ? Tests(tests) : null,
            ["build"] = config.Build is { } build ? new JsonObject { ["command"] = Command(build.Command), ["timeout"] = Duration(build.Timeout) } : null,
            ["agent"] = Agent(config.Agent),
            ["limits"] = Limits(config.Limits),
            ["landing"] = Landing(config.Landing),
            ["policy"] = Policy(config.Policy),
            ["workspace"] = Workspace(config.Workspace),
            ["bench"] = Bench(config.Bench),
            ["learn"] = Learn(config.Learn),
            ["crash"] = config.Crash is { } crash ? Crash(crash) : null,
            ["sandbox"] = Sandbox(config.Sandbox),
        };
    }

    private static JsonObject Probe(ProbeConfig probe) => new()
    {
        ["command"] = probe.Command is { } command ? Command(command) : null,
        ["format"] = probe.Format is { } format ? WireNames.Name(format) : null,
        ["pattern"] = probe.Pattern,
        ["timeout"] = Duration(probe.Timeout),
        ["jobs"] = probe.Jobs,
        ["item_timeout"] = Duration(probe.ItemTimeout),
        ["corpus"] = probe.Corpus is { } corpus
            ? new JsonObject
            {
                ["items"] = Strings(corpus.Items),
                ["exclude"] = Strings(corpus.Exclude),
                ["steps"] = new JsonArray([.. corpus.Steps.Select(s => (JsonNode)Strings(s))]),
                ["inputs"] = Strings(corpus.Inputs),
                ["format"] = WireNames.Name(corpus.Format),
            }
            : null,
    };

    private static JsonObject Tests(TestsConfig tests) => new()
    {
        ["command"] = Command(tests.Command),
        ["format"] = WireNames.Name(tests.Format),
        ["results"] = tests.Results,
        ["runs"] = tests.Runs,
        ["timeout"] = Duration(tests.Timeout),
    };

    private static JsonObject Agent(AgentConfig agent) => new()
    {
        ["provider"] = WireNames.Name(agent.Provider),
        ["model"] = agent.Model,
        ["base_url"] = agent.BaseUrl?.OriginalString,
        ["api_key_env"] = agent.ApiKeyEnv,
        ["command"] = agent.Command is { } command ? Strings(command) : null,
        ["preset"] = agent.Preset is { } preset ? WireNames.Name(preset) : null,
        ["prompt_input"] = WireNames.Name(agent.PromptInput),
        ["replay"] = agent.Replay,
        ["ladder"] = Strings(agent.Ladder.Select(WireNames.Name)),
        ["max_steps"] = agent.MaxSteps,
        ["max_tokens"] = agent.MaxTokens,
        ["max_cost_usd"] = agent.MaxCostUsd,
        ["timeout"] = Duration(agent.Timeout),
        ["idle_timeout"] = Duration(agent.IdleTimeout),
        ["retries"] = agent.Retries,
        ["probe_interval"] = Duration(agent.ProbeInterval),
        ["price"] = agent.Price is { } price
            ? new JsonObject { ["input_per_mtok"] = price.InputPerMtok, ["output_per_mtok"] = price.OutputPerMtok }
            : null,
        ["prompts"] = agent.Prompts,
        ["hints"] = new JsonObject(agent.Hints.OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => KeyValuePair.Create(h.Key, (JsonNode?)Strings(h.Value)))),
        ["context"] = Strings(agent.Context),
        ["routes"] = new JsonObject(agent.Routes.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Model))),
    };

    private static JsonObject Limits(LimitsConfig limits) => new()
    {
        ["hours"] = Duration(limits.TimeBudget),
        ["max_cost_usd"] = limits.MaxCostUsd,
        ["min_cluster_size"] = limits.MinClusterSize,
        ["attempts_per_cluster"] = limits.AttemptsPerCluster,
        ["max_consecutive_rejections"] = limits.MaxConsecutiveRejections,
        ["workers"] = limits.Workers,
        ["stop_if_tests_broken"] = limits.StopIfTestsBroken,
        ["min_free_disk"] = ByteSizes.Format(limits.MinFreeDiskBytes),
    };

    private static JsonObject Landing(LandingConfig landing) => new()
    {
        ["branch"] = landing.Branch,
        ["ticket"] = landing.Ticket,
        ["ticket_start"] = landing.TicketStart,
        ["pending"] = WireNames.Name(landing.Pending),
        ["push"] = landing.Push,
        ["remote"] = landing.Remote,
        ["pull_request"] = WireNames.Name(landing.PullRequest),
    };

    private static JsonObject Policy(PolicyConfig policy) => new()
    {
        ["protected"] = Strings(policy.Protected),
        ["max_diff_lines"] = policy.MaxDiffLines,
        ["cluster_tolerance"] = policy.ClusterTolerance,
        ["new_warnings"] = WireNames.Name(policy.NewWarnings),
        ["forbid_suppressions"] = policy.ForbidSuppressions,
    };

    private static JsonObject Workspace(WorkspaceConfig workspace) => new()
    {
        ["copy"] = Strings(workspace.Copy),
        ["env"] = new JsonObject(workspace.Env.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))),
        ["setup"] = workspace.Setup is { } setup ? Command(setup) : null,
        ["reuse"] = workspace.Reuse,
        ["keep"] = Strings(workspace.Keep),
    };

    private static JsonObject Bench(BenchConfig bench) => new()
    {
        ["suites"] = Strings(bench.Suites),
        ["jobs"] = bench.Jobs,
    };

    private static JsonObject Learn(LearnConfig learn) => new()
    {
        ["train"] = learn.Train is { } train
            ? new JsonObject { ["command"] = Command(train.Command), ["loss_pattern"] = train.LossPattern, ["output"] = train.Output }
            : null,
        ["gates"] = new JsonObject { ["margin"] = learn.Gates.Margin },
        ["promote_to"] = WireNames.Name(learn.PromoteTo),
    };

    private static JsonObject Crash(CrashConfig crash) => new()
    {
        ["watch"] = Strings(crash.Watch),
        ["cores"] = crash.Cores?.Text,
        ["executable"] = crash.Executable,
        ["repro"] = crash.Repro is { } repro ? Strings(repro) : null,
        ["repro_timeout"] = Duration(crash.ReproTimeout),
        ["poll"] = Duration(crash.Poll),
        ["settle"] = Duration(crash.Settle),
        ["reuse"] = Strings(crash.Reuse),
        ["service"] = crash.Service is { } service
            ? new JsonObject
            {
                ["stop"] = service.Stop is { } stop ? Command(stop) : null,
                ["start"] = Command(service.Start),
                ["health"] = service.Health switch
                {
                    HealthCheck.Http http => http.Url.OriginalString,
                    HealthCheck.Command check => Command(check.Run),
                    _ => null,
                },
                ["health_timeout"] = Duration(service.HealthTimeout),
                ["grace"] = Duration(service.Grace),
            }
            : null,
    };

    private static JsonObject Sandbox(SandboxConfig sandbox) => new()
    {
        ["mode"] = WireNames.Name(sandbox.Mode),
        ["network"] = sandbox.Network,
        ["env"] = Strings(sandbox.Env),
        ["bubblewrap"] = sandbox.Bubblewrap,
    };

    /// <summary>A shell command prints as the string it was written as; an argument list as a list.</summary>
    private static JsonNode Command(ConfiguredCommand command) =>
        command.Script is { } script ? JsonValue.Create(script) : Strings(command.Arguments);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static string Duration(TimeSpan value) => Durations.Format(value);
}
