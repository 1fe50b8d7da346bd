using Nightshift.Agents;
using Nightshift.Agents.External;
using Nightshift.Agents.Prompts;
using Nightshift.Clustering;
using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Crashes;
using Nightshift.Tests.Agents.External;
using Nightshift.Tests.Agents.Local;
using Nightshift.Tests.Support;
using Nightshift.Workloads.CrashWatch.Analysis;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Tests.Agents;

/// <summary>
/// Every agent reads the same task: the template of the task's kind rendered with its variables, whether it is the
/// built-in agent's first message or an external CLI's stdin; the repository's notes for agents are in every kind.
/// </summary>
public sealed class TaskPromptSpecs : IDisposable
{
    private readonly TempDir _temp = new("task-prompt");

    public TaskPromptSpecs()
    {
        _temp.Write("repo/src/main.rs", "fn main() {\n    let a: i32 = \"x\";\n    let b: u8 = \"y\";\n    let c = 10 / b;\n}\n");
        _temp.Write("repo/src/types.rs", "pub fn rust_type(name: &str) -> &str {\n    match name { _ => \"i32\" }\n}\n");
        _temp.Write("repo/AGENTS.md", "Run `cargo fmt` before you finish. Never edit generated files.\n");
    }

    private string Worktree => _temp["repo"];

    public void Dispose() => _temp.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task An_external_agent_is_given_the_cluster_template_with_samples_hints_and_the_repository_notes()
    {
        var task = ClusterTask();
        var received = _temp["received.txt"];
        var agent = new CommandAgent(new CommandAgentOptions(["sh", "-c", "cat > \"$0\"", received]));

        var result = await agent.RunAsync(Request(task, new RecordingTranscript()), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.Finished);
        var prompt = await File.ReadAllTextAsync(received);
        prompt.Should().Be(TaskPrompt.Render(new PromptLibrary(), task, Budget), "the built-in agent's task message is the same text");
        prompt.Should().StartWith("Fix the diagnostics of one cluster in this repository.")
            .And.Contain("src/main.rs:2:18: error[E0308]: mismatched types")
            .And.Contain(">    2 |     let a: i32 = \"x\";")
            .And.Contain("Errors of this kind are usually fixed in: src/types.rs (agent.hints).")
            .And.Contain("pub fn rust_type(name: &str) -> &str {")
            .And.Contain("The repository's notes for agents (AGENTS.md):\n\nRun `cargo fmt` before you finish.")
            .And.Contain("- E0308 must drop by at least 1");
        prompt.Should().NotContain("{{");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_template_in_agent_prompts_replaces_the_engines_for_external_agents_too()
    {
        _temp.Write("prompts/task-cluster.md", "Our own words: fix {{cluster_key}} ({{cluster_count}}).\n{{context}}");
        var transcript = new RecordingTranscript();
        var agent = new CommandAgent(new CommandAgentOptions(["true"]) { Prompts = new PromptLibrary(_temp["prompts"]) });

        await agent.RunAsync(Request(ClusterTask(), transcript), CancellationToken.None);

        transcript.Entries[0].Role.Should().Be("user");
        transcript.Entries[0].Content.Should().StartWith("Our own words: fix rustc:error:E0308 (2).\nThe repository's notes for agents (AGENTS.md)");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_crash_task_carries_the_repository_notes_for_agents()
    {
        var report = "thread 'main' (4242) panicked at src/main.rs:4:13:\nattempt to divide by zero\n"
            + "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";
        var analysis = CrashAnalysis.Of(report, new OwnCode(Worktree))!;

        var with = CrashTasks.Create("crash-1", analysis, report, Worktree, [], null, "- the crash must not recur", AgentNotes.Present(["AGENTS.md", "CLAUDE.md"], Worktree));
        var without = CrashTasks.Create("crash-1", analysis, report, Worktree, [], null, "- the crash must not recur");

        var prompt = TaskPrompt.Render(new PromptLibrary(), with, Budget);
        prompt.Should().Contain("attempt to divide by zero")
            .And.Contain("The repository's notes for agents (AGENTS.md):\n\nRun `cargo fmt` before you finish.")
            .And.NotContain("CLAUDE.md", "a note the repository does not have is left out");
        TaskPrompt.Render(new PromptLibrary(), without, Budget).Should().NotContain("notes for agents");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Bench_and_koan_tasks_have_templates_so_any_agent_can_run_them()
    {
        _temp.Write("koan/src/lib.rs", "pub fn add(a: i32, b: i32) -> i32 { a - b }\n");
        _temp.Write("koan/src/tests.rs", "#[test]\nfn adds() { assert_eq!(crate::add(2, 2), 4); }\n");
        var koan = new Koan("k-007", "arithmetic", 1, KoanSplit.Train, "Add two numbers", _temp["koan"]);
        var before = new KoanRun(true, [], [], 1, "test adds ... FAILED\n  left: 0\n right: 4");
        var bench = new AgentTask("b-1", "bench", "Rename a field", new Dictionary<string, string> { [PromptText.Variable] = "Rename `count` to `total`." }, []);

        var koanPrompt = TaskPrompt.Render(new PromptLibrary(), KoanTasks.For(koan, 1, "pub fn add(a: i32, b: i32) -> i32 { a - b }\n", before), Budget);

        koanPrompt.Should().Contain("koan k-007 (arithmetic, difficulty 1)")
            .And.Contain("left: 0\n right: 4")
            .And.Contain("{ a - b }")
            .And.Contain("fn adds() { assert_eq!(crate::add(2, 2), 4); }")
            .And.NotContain("{{");
        TaskPrompt.Render(new PromptLibrary(), bench, Budget).Should().Be("Rename `count` to `total`.");
        await Task.CompletedTask;
    }

    private static AgentBudget Budget => AgentBudget.Unlimited with { MaxSteps = 10, WallTime = TimeSpan.FromSeconds(50) };

    private AgentTask ClusterTask()
    {
        var cluster = new Cluster(
            new ClusterKey("rustc", Severity.Error, "E0308", null),
            [
                new Diagnostic("rustc", Severity.Error, "E0308", "mismatched types", new SourceSpan("src/main.rs", 2, 18)),
                new Diagnostic("rustc", Severity.Error, "E0308", "mismatched types", new SourceSpan("src/main.rs", 3, 17)),
            ]);
        var context = new ClusterTaskContext { HintFiles = ["src/types.rs"], ContextFiles = AgentNotes.Present(["AGENTS.md", "CLAUDE.md"], Worktree) };
        return ClusterTasks.Create("task-1", cluster, Worktree, "- E0308 must drop by at least 1\n- no new errors", samples: 1, context: context);
    }

    private AgentRequest Request(AgentTask task, RecordingTranscript transcript) =>
        new(task, Worktree, Budget, new CommandAgentSpecs.NoChecks(), transcript);
}
