using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Testing;

namespace Nightshift.Tests.Configuration;

/// <summary>A configuration that sets every key, and what it must read as.</summary>
internal static class FullConfig
{
    // Expects a 'prompts' directory and 'transcripts/night.jsonl' next to the file.
    public const string Yaml = """
        version: 1
        probe:
          command: "cargo check --message-format=json 2>/dev/null"
          format: regex
          pattern: '^(?<file>[^:]+):(?<line>\d+):(?<column>\d+): (?<severity>\w+)\[(?<code>\w+)\]: (?<message>.*)$'
          timeout: 1h30m
          jobs: 4
          item_timeout: 45s
        tests:
          command: [dotnet, test, --logger, trx, --results-directory, out]
          format: trx
          results: "out/*.trx"
          runs: 3
          timeout: 40m
        build:
          command: [dotnet, build]
          timeout: 10m
        agent:
          provider: anthropic
          model: claude-sonnet-4-5
          base_url: https://llm.internal:8443/v1
          api_key_env: NIGHT_KEY
          preset: claude
          prompt_input: file
          replay: transcripts/night.jsonl
          ladder: [suggest, command, anthropic, replay]
          max_steps: 50
          max_tokens: 300000
          max_cost_usd: 2.5
          timeout: 25m
          idle_timeout: 500ms
          retries: 2
          probe_interval: 5s
          price: { input_per_mtok: 3, output_per_mtok: 15.25 }
          prompts: prompts
          routes:
            E0382|E0499|E0502: borrow
            rustc:error:E0277: traits-adapter
        limits:
          hours: 2d
          max_cost_usd: 40
          min_cluster_size: 3
          attempts_per_cluster: 4
          max_consecutive_rejections: 6
          workers: 2
          stop_if_tests_broken: false
          min_free_disk: 512MB
        landing:
          branch: "nightshift/{date}-{session}"
          ticket: "FIX-{n:000}"
          ticket_start: 628
          pending: include
          push: true
          remote: upstream
          pull_request: gitlab
        policy:
          protected: ["src/generated/**", "*.lock"]
          max_diff_lines: 120
          cluster_tolerance: 2
          forbid_suppressions: false
        workspace:
          copy: [.env, "target"]
          env: { RUST_BACKTRACE: "1", EMPTY: "", FLAG: "true" }
          setup: npm ci && npm run prepare
        bench:
          suites: [bench/smoke, bench/full]
          jobs: 0
        learn:
          train:
            command: [python3, train.py, --epochs, "3"]
            loss_pattern: 'loss=(?<loss>[0-9.]+)'
            output: models/latest
          gates:
            margin: 0.05
          promote_to: agent
        crash:
          watch: ["/var/crash/*.crash", "logs/panic-*.txt"]
          repro: [./repro.sh, "{crash}"]
          service:
            stop: [systemctl, --user, stop, app]
            start: "systemctl --user start app"
            health: http://localhost:8080/health
            health_timeout: 90s
            grace: 3s
        """;

    public static void ShouldMatch(NightshiftConfig config)
    {
        config.Probe!.Command!.Script.Should().Be("cargo check --message-format=json 2>/dev/null");
        config.Probe.Format.Should().Be(DiagnosticFormat.Regex);
        config.Probe.Pattern.Should().StartWith("^(?<file>");
        config.Probe.Timeout.Should().Be(TimeSpan.FromMinutes(90));
        config.Probe.Jobs.Should().Be(4);
        config.Probe.ItemTimeout.Should().Be(TimeSpan.FromSeconds(45));
        config.Tests!.Command.Arguments.Should().Equal("dotnet", "test", "--logger", "trx", "--results-directory", "out");
        config.Tests.Format.Should().Be(TestFormat.Trx);
        config.Tests.Results.Should().Be("out/*.trx");
        config.Tests.Runs.Should().Be(3);
        config.Build!.Timeout.Should().Be(TimeSpan.FromMinutes(10));
        config.Agent.Should().BeEquivalentTo(new
        {
            Provider = AgentProvider.Anthropic,
            Model = "claude-sonnet-4-5",
            BaseUrl = new Uri("https://llm.internal:8443/v1"),
            ApiKeyEnv = "NIGHT_KEY",
            ApiKeyVariable = "NIGHT_KEY",
            Preset = AgentPreset.Claude,
            PromptInput = PromptInput.File,
            Replay = "transcripts/night.jsonl",
            Ladder = new[] { AgentProvider.Suggest, AgentProvider.Command, AgentProvider.Anthropic, AgentProvider.Replay },
            MaxSteps = 50,
            MaxTokens = 300000,
            MaxCostUsd = 2.5m,
            Timeout = TimeSpan.FromMinutes(25),
            IdleTimeout = TimeSpan.FromMilliseconds(500),
            Retries = 2,
            ProbeInterval = TimeSpan.FromSeconds(5),
            Price = new PriceConfig(3m, 15.25m),
            Prompts = "prompts",
        });
        config.Limits.Should().Be(new LimitsConfig
        {
            TimeBudget = TimeSpan.FromDays(2),
            MaxCostUsd = 40m,
            MinClusterSize = 3,
            AttemptsPerCluster = 4,
            MaxConsecutiveRejections = 6,
            Workers = 2,
            StopIfTestsBroken = false,
            MinFreeDiskBytes = 512L << 20,
        });
        config.Landing.Should().Be(new LandingConfig
        {
            Branch = "nightshift/{date}-{session}",
            Ticket = "FIX-{n:000}",
            TicketStart = 628,
            Pending = PendingChanges.Include,
            Push = true,
            Remote = "upstream",
            PullRequest = PullRequestHost.GitLab,
        });
        config.Policy.Protected.Should().Equal("src/generated/**", "*.lock");
        config.Policy.MaxDiffLines.Should().Be(120);
        config.Policy.ClusterTolerance.Should().Be(2);
        config.Policy.ForbidSuppressions.Should().BeFalse();
        config.Workspace.Copy.Should().Equal(".env", "target");
        config.Workspace.Env.Should().Equal(new Dictionary<string, string> { ["RUST_BACKTRACE"] = "1", ["EMPTY"] = "", ["FLAG"] = "true" });
        config.Workspace.Setup!.Script.Should().Be("npm ci && npm run prepare");
        config.Bench.Should().BeEquivalentTo(new { Suites = new List<string> { "bench/smoke", "bench/full" }, Jobs = 0 });
        config.Learn.Train!.Command.Arguments.Should().Equal("python3", "train.py", "--epochs", "3");
        config.Learn.Train.LossPattern.Should().Be("loss=(?<loss>[0-9.]+)");
        config.Learn.Train.Output.Should().Be("models/latest");
        config.Learn.Gates.Margin.Should().Be(0.05m);
        config.Learn.PromoteTo.Should().Be(PromotionTarget.Agent);
        config.Agent.Routes.Should().BeEquivalentTo(
            [new AgentRoute(["E0382", "E0499", "E0502"], "borrow"), new AgentRoute(["rustc:error:E0277"], "traits-adapter")],
            o => o.WithStrictOrdering());
        AgentRoute.For(config.Agent.Routes, "rustc:error:E0499", "E0499")!.Model.Should().Be("borrow");
        AgentRoute.For(config.Agent.Routes, "rustc:error:E0308", "E0308").Should().BeNull("no route names E0308: it asks for agent.model");
        config.Crash!.Watch.Should().Equal("/var/crash/*.crash", "logs/panic-*.txt");
        config.Crash.Repro.Should().Equal("./repro.sh", "{crash}");
        config.Crash.Service!.Stop!.Arguments.Should().Equal("systemctl", "--user", "stop", "app");
        config.Crash.Service.Start.Script.Should().Be("systemctl --user start app");
        config.Crash.Service.Health.Should().Be(new HealthCheck.Http(new Uri("http://localhost:8080/health")));
        config.Crash.Service.HealthTimeout.Should().Be(TimeSpan.FromSeconds(90));
        config.Crash.Service.Grace.Should().Be(TimeSpan.FromSeconds(3));
    }
}
