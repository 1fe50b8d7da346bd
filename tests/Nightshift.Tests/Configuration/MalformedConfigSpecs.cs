using Nightshift.Tests.Support;

namespace Nightshift.Tests.Configuration;

/// <summary>Broken configurations, run through 'nightshift config' as a person would meet them.</summary>
public sealed class MalformedConfigSpecs
{
    [Theory(Timeout = 30_000)]
    [InlineData(
        "an unknown key",
        "version: 1\nprobe:\n  command: [cargo, check]\n  format: cargo-json\n  timout: 10m\n",
        "5:3: probe.timout: unknown key. Accepted keys: command, format, pattern, timeout, jobs, item_timeout, corpus. Did you mean 'timeout'?")]
    [InlineData(
        "a string where an integer belongs",
        "version: 1\nagent:\n  max_steps: lots\n",
        "3:14: agent.max_steps: expected an integer, got 'lots'.")]
    [InlineData(
        "a quoted number where an integer belongs",
        "version: 1\nlimits:\n  workers: \"4\"\n",
        "3:12: limits.workers: expected an integer, got the string \"4\" (remove the quotes).")]
    [InlineData(
        "no version",
        "limits:\n  workers: 2\n",
        "1:1: version: missing; nightshift.yml starts with 'version: 1'")]
    [InlineData(
        "an unsupported version",
        "version: 2\n",
        "1:10: version: version 2 is not supported; this Nightshift reads version 1. Accepted values: 1.")]
    [InlineData(
        "a corpus without steps",
        "version: 1\nprobe:\n  corpus:\n    items: \"*.rs\"\n",
        "3:3: probe.corpus.steps: missing; list the commands run for each item")]
    [InlineData(
        "a bad duration",
        "version: 1\nlimits:\n  hours: 8 hours\n",
        "3:10: limits.hours: '8 hours' is not a duration. Accepted forms: 500ms, 90s, 10m, 8h, 1h30m, 2d.")]
    [InlineData(
        "a bad size",
        "version: 1\nlimits:\n  min_free_disk: 2 gigs\n",
        "3:18: limits.min_free_disk: '2 gigs' is not a size. Accepted forms: 500MB, 2GB, 64KB, 0.")]
    [InlineData(
        "the free-disk threshold where it used to be",
        "version: 1\nbench:\n  min_free_disk_mb: 512\n",
        "3:3: bench.min_free_disk_mb: moved to limits.min_free_disk, a size that guards the disk of every workload; write it there, e.g. 'limits: { min_free_disk: 2GB }'")]
    [InlineData(
        "a duration without a unit",
        "version: 1\nbuild:\n  command: make\n  timeout: 90\n",
        "4:12: build.timeout: '90' is not a duration (a duration needs a unit).")]
    [InlineData(
        "a bad enum value",
        "version: 1\ntests:\n  command: [make, test]\n  format: junt\n",
        "4:11: tests.format: 'junt' is not one of the accepted values. Accepted values: cargo-test, trx, junit, exit-code. Did you mean 'junit'?")]
    [InlineData(
        "a URL that is not http(s)",
        "version: 1\nagent:\n  base_url: localhost:8080/v1\n",
        "3:13: agent.base_url: 'localhost:8080/v1' is not an absolute http(s) URL.")]
    [InlineData(
        "an unknown placeholder in a corpus step",
        "version: 1\nprobe:\n  corpus:\n    items: \"*.rs\"\n    steps:\n      - [rustc, \"{item}\"]\n      - [run, \"{work}/a.out\", \"{stme}\"]\n",
        "7:31: probe.corpus.steps[1][2]: unknown placeholder {stme}. Accepted placeholders: {item}, {stem}, {work}, {root}, {target}. Did you mean '{stem}'?")]
    [InlineData(
        "an API key in the file",
        "version: 1\nagent:\n  provider: openai\n  model: gpt-5\n  api_key: sk-abc123\n",
        "5:3: agent.api_key: the configuration never holds secrets: put the key in an environment variable and name that variable with api_key_env")]
    [InlineData(
        "a key where a variable name belongs",
        "version: 1\nagent:\n  api_key_env: sk-proj-0123456789abcdefghij\n",
        "3:16: agent.api_key_env: must be the NAME of an environment variable (such as OPENAI_API_KEY), never the key itself.")]
    [InlineData(
        "a YAML syntax error",
        "version: 1\nprobe:\n  command: [cargo, check\n  format: cargo-json\n",
        "3:12: YAML syntax error: this '[' is never closed with ']'.")]
    [InlineData(
        "bad indentation",
        "version: 1\nprobe:\n command: [make]\n  format: gcc\n",
        "4:3: YAML syntax error: While parsing a block mapping, did not find expected key (check the indentation")]
    [InlineData(
        "both a command and a corpus",
        "version: 1\nprobe:\n  command: [cargo, check]\n  format: cargo-json\n  corpus:\n    items: \"*.rs\"\n    steps: [[rustc, \"{item}\"]]\n",
        "5:3: probe.corpus: set either probe.command or probe.corpus, not both.")]
    [InlineData(
        "a key given twice",
        "version: 1\nlimits:\n  workers: 1\n  workers: 2\n",
        "4:3: limits.workers: duplicate key; it is already set at line 3, column 3.")]
    [InlineData(
        "a regex format without a message group",
        "version: 1\nprobe:\n  command: [lint]\n  format: regex\n  pattern: '^(?<file>[^:]+): (?<msg>.*)$'\n",
        "5:12: probe.pattern: unknown named group (?<msg>...). Accepted groups: message, file, line, column, severity, code.")]
    [InlineData(
        "a ticket without a number",
        "version: 1\nlanding:\n  ticket: NIGHT\n",
        "3:11: landing.ticket: 'NIGHT' has no place for the fix's number; include {n}, or {n:0000} to pad it with zeros.")]
    [InlineData(
        "an unknown placeholder in the branch",
        "version: 1\nlanding:\n  branch: \"nightshift/{user}-{date}\"\n",
        "3:11: landing.branch: unknown placeholder {user}. Accepted placeholders: {date}, {time}, {session}.")]
    [InlineData(
        "a ticket sequence that starts below 1",
        "version: 1\nlanding:\n  ticket_start: 0\n",
        "3:17: landing.ticket_start: must be at least 1, got 0.")]
    [InlineData(
        "a route with an empty alternative",
        "version: 1\nagent:\n  routes:\n    E0382||E0499: borrow\n",
        "4:5: agent.routes.E0382||E0499: 'E0382||E0499' has an empty alternative: write codes or families separated by |")]
    [InlineData(
        "a route without a model",
        "version: 1\nagent:\n  routes:\n    E0277: [a, b]\n",
        "4:12: agent.routes.E0277: expected the model (or adapter) name of this family")]
    [InlineData(
        "routes that are not a mapping",
        "version: 1\nagent:\n  routes: [E0277]\n",
        "3:11: agent.routes: expected a mapping of codes or families to a model, such as { E0382|E0499|E0502: borrow, E0277: traits }")]
    [InlineData(
        "an unknown promotion target",
        "version: 1\nlearn:\n  promote_to: everyone\n",
        "3:15: learn.promote_to: 'everyone' is not one of the accepted values. Accepted values: none, agent.")]
    [InlineData(
        "a command agent without a command",
        "version: 1\nagent:\n  provider: command\n",
        "2:1: agent.command: missing; agent.provider uses the command provider")]
    public async Task A_malformed_configuration_exits_with_2_and_points_at_the_node(string problem, string yaml, string expected)
    {
        using var repository = new TempDir("config");
        var file = repository.Write("nightshift.yml", yaml);

        var run = await Cli.RunAsync(repository.Path, "config");

        run.ExitCode.Should().Be(2, problem);
        run.Error.Should().Contain($"{file}:{expected}", problem);
        run.Out.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_refuses_an_unknown_branch_placeholder_before_the_night_starts()
    {
        using var repository = new TempDir("config");
        var file = repository.Write("nightshift.yml", "version: 1\nlanding:\n  branch: \"nightshift/{date}-{user}\"\n");

        var run = await Cli.RunAsync(repository.Path, "run");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain($"{file}:3:11: landing.branch: unknown placeholder {{user}}. Accepted placeholders: {{date}}, {{time}}, {{session}}.");
        Directory.Exists(Path.Combine(repository.Path, ".nightshift")).Should().BeFalse("no session began");
    }

    [Fact(Timeout = 30_000)]
    public async Task Every_problem_is_reported_at_once_in_file_order()
    {
        using var repository = new TempDir("config");
        var file = repository.Write("nightshift.yml", "version: 1\nlimits:\n  hours: soon\n  workers: 0\nlanding:\n  pending: maybe\n");

        var run = await Cli.RunAsync(repository.Path, "config");

        run.ExitCode.Should().Be(2);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].Should().Be($"nightshift: 3 problems in {file}:");
        lines[1].Should().StartWith($"{file}:3:10: limits.hours:");
        lines[2].Should().StartWith($"{file}:4:12: limits.workers: must be at least 1, got 0.");
        lines[3].Should().StartWith($"{file}:6:12: landing.pending: 'maybe' is not one of the accepted values. Accepted values: refuse, include.");
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_a_configuration_file_the_message_says_to_run_init()
    {
        using var repository = new TempDir("config");

        var run = await Cli.RunAsync(repository.Path, "config");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("No nightshift.yml in").And.Contain("Run 'nightshift init'");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_config_option_naming_a_missing_file_is_a_configuration_error()
    {
        using var repository = new TempDir("config");

        var run = await Cli.RunAsync(repository.Path, "config", "--config", "elsewhere.yml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain($"{repository["elsewhere.yml"]} (given with --config) does not exist");
    }
}
