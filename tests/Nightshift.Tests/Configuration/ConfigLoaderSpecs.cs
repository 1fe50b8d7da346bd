using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Testing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Configuration;

public sealed class ConfigLoaderSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task A_minimal_configuration_gets_every_default()
    {
        await Task.Yield();

        var config = ConfigLoader.LoadText("version: 1\n", "/repo/nightshift.yml");

        config.Version.Should().Be(1);
        config.RepositoryRoot.Should().Be("/repo");
        config.Probe.Should().BeNull();
        config.Tests.Should().BeNull();
        config.Build.Should().BeNull();
        config.Crash.Should().BeNull();
        config.Agent.Provider.Should().Be(AgentProvider.Suggest);
        config.Agent.MaxSteps.Should().Be(30);
        config.Agent.Timeout.Should().Be(TimeSpan.FromMinutes(20));
        config.Agent.IdleTimeout.Should().Be(TimeSpan.FromMinutes(5));
        config.Agent.Retries.Should().Be(4);
        config.Agent.ProbeInterval.Should().Be(TimeSpan.FromSeconds(30));
        config.Agent.PromptInput.Should().Be(PromptInput.Stdin);
        config.Agent.EffectiveLadder.Should().Equal(AgentProvider.Suggest);
        config.Limits.TimeBudget.Should().Be(TimeSpan.FromHours(8));
        config.Limits.MinClusterSize.Should().Be(1);
        config.Limits.AttemptsPerCluster.Should().Be(2);
        config.Limits.MaxConsecutiveRejections.Should().Be(10);
        config.Limits.Workers.Should().Be(1);
        config.Limits.StopIfTestsBroken.Should().BeTrue();
        config.Landing.Branch.Should().Be("nightshift/{date}");
        config.Landing.Ticket.Should().Be("NS-{n:0000}");
        config.Landing.Pending.Should().Be(PendingChanges.Refuse);
        config.Landing.Push.Should().BeFalse();
        config.Landing.Remote.Should().Be("origin");
        config.Policy.Protected.Should().Equal(
            "tests/**", "**/tests/**", ".github/**", ".ci/**", "**/*.lock", "Cargo.lock", "package-lock.json",
            "**/build.rs", "**/.cargo/config*", "**/Directory.Build.*", "**/*.targets", "**/conftest.py", "**/setup.py",
            "**/Makefile", "**/CMakeLists.txt", "**/.git", "nightshift.yml");
        config.Policy.MaxDiffLines.Should().Be(400);
        config.Policy.ClusterTolerance.Should().Be(0);
        config.Policy.ForbidSuppressions.Should().BeTrue();
        config.Learn.Gates.Margin.Should().Be(0.01m);
    }

    [Fact(Timeout = 10_000)]
    public async Task Sections_that_are_present_get_defaults_for_the_keys_they_leave_out()
    {
        await Task.Yield();
        const string Yaml = """
            version: 1
            probe:
              corpus:
                items: "ui/*.rs"
                steps: [[rustc, "{item}"]]
            tests:
              command: cargo test
            build:
              command: [cargo, build]
            crash:
              watch: crashes/
              service:
                start: ./start.sh
            """;

        var config = ConfigLoader.LoadText(Yaml, "/repo/nightshift.yml");

        config.Probe!.Timeout.Should().Be(TimeSpan.FromMinutes(30));
        config.Probe.ItemTimeout.Should().Be(TimeSpan.FromMinutes(2));
        config.Probe.Jobs.Should().Be(0);
        config.Probe.Format.Should().BeNull();
        config.Probe.Corpus!.Items.Should().Equal("ui/*.rs");
        config.Probe.Corpus.Format.Should().Be(DiagnosticFormat.RustcJson);
        config.Probe.OutputFormat.Should().Be(DiagnosticFormat.RustcJson);
        config.Tests!.Format.Should().Be(TestFormat.ExitCode);
        config.Tests.Runs.Should().Be(1);
        config.Tests.Timeout.Should().Be(TimeSpan.FromMinutes(30));
        config.Build!.Timeout.Should().Be(TimeSpan.FromMinutes(30));
        config.Crash!.Watch.Should().Equal("crashes/");
        config.Crash.Service!.HealthTimeout.Should().Be(TimeSpan.FromSeconds(60));
        config.Crash.Service.Grace.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Theory(Timeout = 10_000)]
    [InlineData("\"corpus/test_*\"", new[] { "corpus/test_*" })]
    [InlineData("[\"corpus/test_*\", \"**/skip/**\"]", new[] { "corpus/test_*", "**/skip/**" })]
    public async Task Corpus_excludes_are_a_glob_or_a_list_of_globs_and_none_by_default(string exclude, string[] expected)
    {
        await Task.Yield();
        const string Probe = "version: 1\nprobe:\n  corpus:\n    items: \"corpus/*.py\"\n    steps: [[cat, \"{item}\"]]\n";

        var config = ConfigLoader.LoadText(Probe + $"    exclude: {exclude}\n", "/repo/nightshift.yml");
        var printed = ConfigLoader.LoadText(ConfigPrinter.ToYaml(config), "/repo/nightshift.yml");

        config.Probe!.Corpus!.Exclude.Should().Equal(expected);
        printed.Probe!.Corpus!.Exclude.Should().Equal(expected, "nightshift config prints what it read");
        ConfigLoader.LoadText(Probe, "/repo/nightshift.yml").Probe!.Corpus!.Exclude.Should().BeEmpty();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_string_command_runs_through_the_shell_and_a_list_runs_as_is()
    {
        await Task.Yield();

        var config = ConfigLoader.LoadText("version: 1\ntests:\n  command: make test && ./check\nbuild:\n  command: [make, -j4]\n", "/r/nightshift.yml");

        config.Tests!.Command.UsesShell.Should().BeTrue();
        config.Tests.Command.Script.Should().Be("make test && ./check");
        config.Tests.Command.Arguments.Should().Equal("sh", "-c", "make test && ./check");
        config.Build!.Command.UsesShell.Should().BeFalse();
        config.Build.Command.ToSpec().FileName.Should().Be("make");
        config.Build.Command.ToSpec().Arguments.Should().Equal("-j4");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_full_configuration_round_trips_through_its_printed_form()
    {
        using var repository = new TempDir("config");
        Directory.CreateDirectory(repository["prompts"]);
        repository.Write("transcripts/night.jsonl", "{}");
        var file = repository.Write("nightshift.yml", FullConfig.Yaml);

        var config = ConfigLoader.Load(file);
        var printed = ConfigPrinter.ToYaml(config);
        var reread = ConfigLoader.LoadText(printed, file);

        await Task.Yield();
        reread.Should().BeEquivalentTo(config, options => options.ComparingRecordsByMembers().RespectingRuntimeTypes());
        FullConfig.ShouldMatch(config);
    }

    [Fact(Timeout = 10_000)]
    public async Task Errors_carry_file_line_column_key_accepted_values_and_a_suggestion()
    {
        await Task.Yield();

        var load = () => ConfigLoader.LoadText("version: 1\nagent:\n  provider: antropic\n", "conf/nightshift.yml");

        var error = load.Should().Throw<ConfigException>().Which;
        error.ExitCode.Should().Be(2);
        error.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            File = "conf/nightshift.yml",
            Line = 3,
            Column = 13,
            Key = "agent.provider",
            Problem = "'antropic' is not one of the accepted values",
            Accepted = new List<string> { "suggest", "openai", "anthropic", "command", "replay" },
            Suggestion = "anthropic",
        });
        error.Message.Should().Be("conf/nightshift.yml:3:13: agent.provider: 'antropic' is not one of the accepted values. " +
            "Accepted values: suggest, openai, anthropic, command, replay. Did you mean 'anthropic'?");
    }

    [Fact(Timeout = 10_000)]
    public async Task Paths_that_must_exist_are_checked_against_the_directory_of_the_file()
    {
        using var repository = new TempDir("config");
        var file = repository.Write("nightshift.yml", "version: 1\nagent:\n  provider: replay\n  replay: missing.jsonl\n  prompts: prompts\n");

        var load = () => ConfigLoader.Load(file);

        await Task.Yield();
        var errors = load.Should().Throw<ConfigException>().Which.Errors;
        errors.Select(e => (e.Line, e.Key, e.Problem)).Should().Equal(
            (4, "agent.replay", $"no file or directory at {repository["missing.jsonl"]}; agent.replay names a directory of recordings named by task key (<key>.patch, .diff or .jsonl) or one recording file"),
            (5, "agent.prompts", $"no directory at {repository["prompts"]}"));
    }

    [Fact(Timeout = 10_000)]
    public async Task The_replay_source_may_be_a_directory_of_recordings_or_one_recording_file()
    {
        using var repository = new TempDir("config");
        repository.Write("replay/rustc_error_E0308.patch", "");
        repository.Write("night.jsonl", "");
        var fromDirectory = repository.Write("dir.yml", "version: 1\nagent:\n  provider: replay\n  replay: replay\n");
        var fromFile = repository.Write("file.yml", "version: 1\nagent:\n  provider: replay\n  replay: night.jsonl\n");

        await Task.Yield();
        ConfigLoader.Load(fromDirectory).Agent.Replay.Should().Be("replay");
        ConfigLoader.Load(fromFile).Agent.Replay.Should().Be("night.jsonl");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_missing_file_is_a_configuration_error_that_suggests_init()
    {
        using var repository = new TempDir("config");

        var load = () => ConfigLoader.Load(repository["nightshift.yml"]);

        await Task.Yield();
        load.Should().Throw<ConfigException>()
            .Which.Message.Should().Be($"{repository["nightshift.yml"]} does not exist. Run 'nightshift init' in the repository to write one.");
    }

    [Theory(Timeout = 10_000)]
    [InlineData("NS-{n:0000}", 42, "NS-0042")]
    [InlineData("FIX-{n}", 7, "FIX-7")]
    [InlineData("{n:00}/night", 123, "123/night")]
    public async Task The_ticket_template_numbers_fixes(string template, int number, string expected)
    {
        await Task.Yield();

        var config = ConfigLoader.LoadText($"version: 1\nlanding:\n  ticket: \"{template}\"\n", "/r/nightshift.yml");

        config.Landing.FormatTicket(number).Should().Be(expected);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("probe:\n  command: [x]\n  format: regex\n", "probe.pattern", "missing; format regex needs a regular expression")]
    [InlineData("probe:\n  command: [x]\n  format: gcc\n  pattern: '(?<message>.*)'\n", "probe.pattern", "a pattern is only used with format: regex")]
    [InlineData("probe:\n  command: [x]\n  format: regex\n  pattern: '(?<message>.*'\n", "probe.pattern", "not a valid regular expression")]
    [InlineData("probe:\n  command: [x]\n", "probe.format", "missing; say how to read the command's output")]
    [InlineData("probe:\n  timeout: 5m\n", "probe.command", "missing; a probe needs a command")]
    [InlineData("probe:\n  corpus:\n    steps: [[x]]\n", "probe.corpus.items", "missing; say which files")]
    [InlineData("probe:\n  corpus:\n    items: a\n    steps: []\n", "probe.corpus.steps", "the list of steps is empty")]
    [InlineData("tests:\n  command: [dotnet, test]\n  format: trx\n", "tests.results", "missing; format trx reads the report files")]
    [InlineData("tests:\n  format: junit\n  results: r.xml\n", "tests.command", "missing; give the command that runs the test suite")]
    [InlineData("tests:\n  command: [t]\n  runs: 0\n", "tests.runs", "must be at least 1, got 0")]
    [InlineData("agent:\n  preset: claude\n  command: [claude]\n", "agent.preset", "set either agent.command or agent.preset, not both")]
    [InlineData("agent:\n  ladder: [suggest, replay]\n", "agent.replay", "missing; agent.ladder uses the replay provider")]
    [InlineData("agent:\n  ladder: [suggest, antropic]\n", "agent.ladder[1]", "'antropic' is not one of the accepted values")]
    [InlineData("agent:\n  command: claude -p\n", "agent.command", "expected an argument list such as [claude, -p]")]
    [InlineData("agent:\n  retries: -1\n", "agent.retries", "")]
    [InlineData("agent:\n  probe_interval: often\n", "agent.probe_interval", "'often' is not a duration")]
    [InlineData("agent:\n  api_key_env: openai_key\n", "agent.api_key_env", "'openai_key' is not an environment variable name")]
    [InlineData("agent:\n  price:\n    input_per_mtok: 3\n", "agent.price.output_per_mtok", "missing; a price needs both")]
    [InlineData("agent:\n  max_cost_usd: -1\n", "agent.max_cost_usd", "must be at least 0")]
    [InlineData("limits:\n  stop_if_tests_broken: sometimes\n", "limits.stop_if_tests_broken", "expected true or false, got 'sometimes'")]
    [InlineData("limits:\n  hours: 0s\n", "limits.hours", "must be longer than zero")]
    [InlineData("landing:\n  branch: night shift\n", "landing.branch", "'night shift' is not a valid git branch name")]
    [InlineData("landing:\n  remote: my remote\n", "landing.remote", "'my remote' is not a git remote name")]
    [InlineData("policy:\n  protected: {a: b}\n", "policy.protected", "expected a list of globs or one glob, got a mapping")]
    [InlineData("workspace:\n  env:\n    1BAD: x\n", "workspace.env.1BAD", "'1BAD' is not an environment variable name")]
    [InlineData("workspace:\n  setup: {run: x}\n", "workspace.setup", "expected a command")]
    [InlineData("bench:\n  jobs: -1\n", "bench.jobs", "must be at least 0, got -1")]
    [InlineData("learn:\n  train:\n    command: [t]\n    loss_pattern: 'loss (\\d+)'\n", "learn.train.loss_pattern", "the pattern needs a group named 'loss'")]
    [InlineData("learn:\n  gates:\n    margin: lots\n", "learn.gates.margin", "expected a number such as 2.5, got 'lots'")]
    [InlineData("crash:\n  watch: []\n", "crash.watch", "the list of globs is empty")]
    [InlineData("crash:\n  watch: c\n  service:\n    start: [s]\n    health: [[x]]\n", "crash.service.health[0]", "expected an argument (a string), got a list")]
    [InlineData("crash:\n  watch: c\n  repro: ./repro.sh\n", "crash.repro", "expected an argument list")]
    [InlineData("limits: 8h\n", "limits", "expected a mapping (indented keys below 'limits:'), got '8h'")]
    [InlineData("probe:\n  command: [x]\n  format: gcc\n---\nversion: 1\n", "", "a second YAML document")]
    [InlineData("a: &x 1\nb: *y\n", "", "YAML syntax error: the alias *y refers to no anchor &y above it")]
    public async Task Each_rule_is_enforced_with_a_message_that_says_how_to_fix_it(string sections, string key, string problem)
    {
        await Task.Yield();

        var load = () => ConfigLoader.LoadText("version: 1\n" + sections, "/r/nightshift.yml");

        load.Should().Throw<ConfigException>().Which.Errors
            .Should().Contain(e => e.Key == key && e.Problem.StartsWith(problem, StringComparison.Ordinal),
                "the errors were:\n" + string.Join("\n", load.Should().Throw<ConfigException>().Which.Errors));
    }

    [Theory(Timeout = 10_000)]
    [InlineData("")]
    [InlineData("# nothing but a comment\n")]
    public async Task An_empty_file_asks_for_a_version(string text)
    {
        await Task.Yield();

        var load = () => ConfigLoader.LoadText(text, "nightshift.yml");

        load.Should().Throw<ConfigException>().Which.Errors.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Line = 1, Column = 1, Key = "version" });
    }

    [Fact(Timeout = 10_000)]
    public async Task Anchors_and_aliases_are_followed()
    {
        await Task.Yield();

        var config = ConfigLoader.LoadText("version: 1\nbuild:\n  command: &make [make, -j4]\ntests:\n  command: *make\n", "/r/nightshift.yml");

        config.Tests!.Command.Should().Be(config.Build!.Command);
    }
}
