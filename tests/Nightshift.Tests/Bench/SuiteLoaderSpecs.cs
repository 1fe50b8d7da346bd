using Nightshift.Configuration;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Tests.Bench;

/// <summary>Suite files: the starter suite reads as written, and mistakes are reported like nightshift.yml's, at file:line:col.</summary>
public sealed class SuiteLoaderSpecs : IDisposable
{
    private const string OneTask = "version: 1\ntasks:\n  - id: t1\n    level: L1\n    prompt: fix it\n    workspace: ws\n    accept: [make, test]\n";

    private static readonly string[] _acceptance = ["cargo", "test", "--offline", "--quiet", "--test", "hidden"];
    private static readonly string[] _protected = ["tests/**"];

    private readonly TempDir _dir = new("bench-suite");

    public SuiteLoaderSpecs() => Directory.CreateDirectory(_dir["ws"]);

    [Fact(Timeout = 10_000)]
    public async Task The_starter_suite_reads_with_its_defaults_applied_to_every_task()
    {
        var suite = SuiteLoader.Load(BenchFixture.RustSuite);

        suite.Name.Should().Be("rust");
        suite.Agents.Select(a => (a.Name, a.Provider)).Should().Equal(("reference", "reference"), ("none", "none"));
        suite.Tasks.Select(t => (t.Id, t.Level)).Should().StartWith([("sum-to", "L1"), ("average", "L1"), ("fizzbuzz", "L2")]);
        suite.Tasks.Should().OnlyContain(t =>
            t.Timeout == TimeSpan.FromMinutes(5)
            && t.Accept.Single().Equals(ConfiguredCommand.Argv(_acceptance))
            && t.Protected.SequenceEqual(_protected)
            && t.Solution is BenchSolution.Patch
            && Directory.Exists(t.AcceptFiles)
            && t.Workspace is BenchWorkspaceSource.Folder);
        suite.Tasks.Single(t => t.Id == "word-count").Check!.Arguments.Should().Equal("cargo", "test", "--offline", "--quiet");
        suite.EffectivePhases.Should().ContainSingle().Which.Levels.Should().Equal("L1", "L2", "L3", "L4", "L5", "L6");
        suite.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_timeline_git_workspace_and_agent_mappings_are_read()
    {
        Directory.CreateDirectory(_dir["repo"]);
        var text = OneTask +
            "  - id: t2\n    level: L6\n    prompt: p\n    workspace: {git: repo, ref: v1}\n    accept: [[make, build], \"make check\"]\n    expect_files: [src/new.rs]\n" +
            "agents:\n  - reference\n  - {name: gpt-long, provider: openai, model: gpt-5, max_steps: 80}\n" +
            "timeline:\n  - {levels: [L1], repeat: 10, budget: 2h}\n  - {levels: L6, budget: 1h}\n";

        var suite = SuiteLoader.LoadText(text, _dir["suite.yml"]);

        suite.Tasks[1].Workspace.Should().Be(new BenchWorkspaceSource.GitTree(_dir["repo"], "v1"));
        suite.Tasks[1].Accept.Select(c => c.ToString()).Should().Equal("make build", "make check");
        suite.Tasks[1].ExpectFiles.Should().Equal("src/new.rs");
        suite.Agents[1].Should().BeEquivalentTo(new { Name = "gpt-long", Provider = "openai", Model = "gpt-5", MaxSteps = 80 });
        suite.Timeline.Should().BeEquivalentTo(
            [new BenchPhase("L1", ["L1"], 10, TimeSpan.FromHours(2)),
            new BenchPhase("L6", ["L6"], 1, TimeSpan.FromHours(1))],
            o => o.WithStrictOrdering());
        await Task.CompletedTask;
    }

    [Theory(Timeout = 10_000)]
    [InlineData("a misspelt task key", OneTask + "    promt: x\n",
        "suite.yml:8:5: tasks[0].promt: unknown key. Accepted keys: id, level, prompt,")]
    [InlineData("a task without a prompt", "version: 1\ntasks:\n  - id: t1\n    level: L1\n    workspace: ws\n    accept: [make]\n",
        "suite.yml:3:5: tasks[0].prompt: missing; write what the agent is asked to do")]
    [InlineData("two tasks with one id", OneTask + "  - id: t1\n    level: L2\n    prompt: p\n    workspace: ws\n    accept: [make]\n",
        "suite.yml:8:9: tasks[1].id: duplicate task id; 't1' is already used at line 3.")]
    [InlineData("a workspace that does not exist", "version: 1\ntasks:\n  - id: t1\n    level: L1\n    prompt: p\n    workspace: nowhere\n    accept: [make]\n",
        "suite.yml:6:16: tasks[0].workspace: no directory at")]
    [InlineData("an unknown agent provider", OneTask + "agents: [refrence]\n",
        "suite.yml:8:10: agents[0]: 'refrence' is not an agent provider. Accepted values: reference, none, suggest, openai, anthropic, command, replay. Did you mean 'reference'?")]
    [InlineData("a timeline level no task has", OneTask + "timeline:\n  - levels: [L1, L9]\n",
        "suite.yml:9:18: timeline[0].levels[1]: no task has level 'L9'. Accepted levels: L1.")]
    [InlineData("a duration without a unit", OneTask + "    timeout: 90\n",
        "suite.yml:8:14: tasks[0].timeout: '90' is not a duration (a duration needs a unit).")]
    [InlineData("a shell command written as a list", "version: 1\ntasks:\n  - id: t1\n    level: L1\n    prompt: p\n    workspace: ws\n    accept: [\"make check\"]\n",
        "suite.yml:7:13: tasks[0].accept: the program 'make check' contains a space")]
    [InlineData("a task id that cannot name a file", "version: 1\ntasks:\n  - id: fix/bug\n    level: L1\n    prompt: p\n    workspace: ws\n    accept: [make]\n",
        "suite.yml:3:9: tasks[0].id: 'fix/bug' cannot be a task id")]
    [InlineData("a protected path outside the workspace", OneTask + "    protected: [../secrets]\n",
        "suite.yml:8:17: tasks[0].protected[0]: '../secrets' must be a path relative to the workspace, without '..'.")]
    [InlineData("no version", "tasks: []\n", "suite.yml:1:1: version: missing; a suite starts with 'version: 1'")]
    public async Task Mistakes_are_reported_at_their_line_and_column(string what, string text, string expected)
    {
        var act = () => SuiteLoader.LoadText(text, _dir["suite.yml"]);

        var error = act.Should().Throw<ConfigException>(what).Which;
        error.Message.Should().Contain(expected.Replace("suite.yml", _dir["suite.yml"], StringComparison.Ordinal));
        error.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Every_mistake_is_reported_at_once()
    {
        var text = "version: 1\nrepeat: 0\ntasks:\n  - id: t1\n    level: L1\n    workspace: ws\n    accept: [make]\n    timeout: soon\nagents: [robot]\n";

        var error = FluentActions.Invoking(() => SuiteLoader.LoadText(text, _dir["suite.yml"])).Should().Throw<ConfigException>().Which;

        error.Errors.Select(e => (e.Line, e.Key)).Should().Equal((2, "repeat"), (4, "tasks[0].prompt"), (8, "tasks[0].timeout"), (9, "agents[0]"));
        await Task.CompletedTask;
    }

    public void Dispose() => _dir.Dispose();
}
