using System.Text.Json;
using Nightshift.Agents;
using Nightshift.Agents.Local;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.Local;

/// <summary>The replay agent on a real git repository, with patches made by git itself.</summary>
public sealed class ReplayAgentSpecs : IDisposable
{
    private const string Original = "fn main() {\n    let greeting: String = \"hello\";\n    println!(\"{greeting}\");\n}\n";
    private const string Fixed = "fn main() {\n    let greeting: String = \"hello\".to_string();\n    println!(\"{greeting}\");\n}\n";

    private readonly TempDir _temp = new("replay");

    private string Worktree => _temp["repo"];

    private string Recordings => _temp["recorded"];

    [Fact(Timeout = 60_000)]
    public async Task A_patch_named_after_the_task_key_is_applied_with_git_apply()
    {
        await InitRepositoryAsync();
        var patch = await DiffAsync("src/main.rs", Fixed);
        _temp.Write("recorded/rustc_error_E0308.patch", patch);
        var transcript = new RecordingTranscript();

        var result = await RunAsync(Task("t-1", key: "rustc:error:E0308"), transcript);

        result.StopReason.Should().Be(AgentStopReason.Finished);
        result.Steps.Should().Be(1);
        File.ReadAllText(_temp["repo/src/main.rs"]).Should().Be(Fixed);
        (await GitAsync("status", "--porcelain")).Trim().Should().Be("M src/main.rs");
        transcript.Entries.Should().ContainSingle().Which.ToolName.Should().Be("apply_patch");
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_key_file_the_task_id_names_the_patch()
    {
        await InitRepositoryAsync();
        _temp.Write("recorded/t-7.patch", await DiffAsync("src/main.rs", Fixed));

        var result = await RunAsync(Task("t-7", key: "rustc:error:E0308"), new RecordingTranscript());

        result.StopReason.Should().Be(AgentStopReason.Finished);
        File.ReadAllText(_temp["repo/src/main.rs"]).Should().Be(Fixed);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_task_without_a_recorded_patch_finishes_with_no_change_and_says_so()
    {
        await InitRepositoryAsync();
        _temp.Write("recorded/some-other-task.patch", await DiffAsync("src/main.rs", Fixed));
        var transcript = new RecordingTranscript();

        var result = await RunAsync(Task("t-2", key: "rustc:error:E0425"), transcript);

        result.StopReason.Should().Be(AgentStopReason.Finished);
        result.Steps.Should().Be(0);
        (await GitAsync("status", "--porcelain")).Should().BeEmpty();
        transcript.Entries.Should().ContainSingle().Which.Should().Match<TranscriptEntry>(
            e => e.Role == "harness" && e.Content.Contains("Nothing recorded for task rustc:error:E0425"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_jsonl_recording_replays_the_tasks_patches_and_writes_in_order_and_nothing_of_other_tasks()
    {
        await InitRepositoryAsync();
        var first = await DiffAsync("src/main.rs", Fixed);
        var lines = new[]
        {
            Json(new { task = "t-3", patch = first }),
            Json(new { task = "t-4", path = "src/other.rs", content = "// not for t-3\n" }),
            Json(new { task = "t-3", path = "src/notes.txt", content = "replayed\n" }),
            "not json at all",
        };
        var recording = _temp.Write("recording.jsonl", string.Join('\n', lines));

        var result = await new ReplayAgent(recording).RunAsync(Request(Task("t-3"), new RecordingTranscript()), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.Finished);
        result.Steps.Should().Be(2);
        File.ReadAllText(_temp["repo/src/main.rs"]).Should().Be(Fixed);
        File.ReadAllText(_temp["repo/src/notes.txt"]).Should().Be("replayed\n");
        File.Exists(_temp["repo/src/other.rs"]).Should().BeFalse();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_recorded_transcript_of_file_writes_replays_its_write_file_calls()
    {
        await InitRepositoryAsync();
        var entries = new[]
        {
            Json(new { step = 1, role = "assistant", content = "I will fix the type." }),
            Json(new { step = 1, role = "tool", content = "", tool_name = "read_file", tool_arguments = Json(new { path = "src/main.rs" }) }),
            Json(new { step = 2, role = "tool", content = "", tool_name = "write_file", tool_arguments = Json(new { path = "src/main.rs", content = Fixed }) }),
        };
        _temp.Write("recorded/t-5.jsonl", string.Join('\n', entries) + "\n");
        var transcript = new RecordingTranscript();

        var result = await RunAsync(Task("t-5"), transcript);

        result.StopReason.Should().Be(AgentStopReason.Finished);
        result.Steps.Should().Be(1);
        File.ReadAllText(_temp["repo/src/main.rs"]).Should().Be(Fixed);
        transcript.Entries.Should().ContainSingle(e => e.ToolName == "write_file");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_patch_that_does_not_apply_is_an_error_and_changes_nothing()
    {
        await InitRepositoryAsync();
        var patch = await DiffAsync("src/main.rs", Fixed);
        _temp.Write("recorded/t-6.patch", patch.Replace("\"hello\"", "\"bonjour\"", StringComparison.Ordinal));

        var result = await RunAsync(Task("t-6"), new RecordingTranscript());

        result.StopReason.Should().Be(AgentStopReason.Error);
        result.Error.Should().Contain("does not apply").And.Contain("src/main.rs");
        (await GitAsync("status", "--porcelain")).Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_recorded_write_outside_the_worktree_is_refused()
    {
        await InitRepositoryAsync();
        _temp.Write("recorded/t-8.jsonl", Json(new { path = "../escaped.txt", content = "no" }) + "\n");

        var result = await RunAsync(Task("t-8"), new RecordingTranscript());

        result.StopReason.Should().Be(AgentStopReason.Error);
        result.Error.Should().Contain("outside the worktree");
        File.Exists(_temp["escaped.txt"]).Should().BeFalse();
    }

    public void Dispose() => _temp.Dispose();

    private static AgentTask Task(string id, string? key = null) =>
        new(id, "cluster", "Fix it", new Dictionary<string, string>(), []) { Key = key };

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private Task<AgentResult> RunAsync(AgentTask task, ITranscript transcript) =>
        new ReplayAgent(Recordings).RunAsync(Request(task, transcript), CancellationToken.None);

    private AgentRequest Request(AgentTask task, ITranscript transcript) =>
        new(task, Worktree, AgentBudget.Unlimited, new NoChecks(), transcript);

    private async Task InitRepositoryAsync()
    {
        Directory.CreateDirectory(Recordings);
        _temp.Write("repo/src/main.rs", Original);
        await GitAsync("init", "-q");
        await GitAsync("add", ".");
        await GitAsync("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start");
    }

    /// <summary>The patch git itself makes for changing <paramref name="file"/> to <paramref name="content"/>; the worktree is left clean.</summary>
    private async Task<string> DiffAsync(string file, string content)
    {
        var path = Path.Combine(Worktree, file);
        var before = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, content);
        var patch = await GitAsync("diff");
        await File.WriteAllTextAsync(path, before);
        return patch;
    }

    private async Task<string> GitAsync(params string[] arguments)
    {
        var run = await ToolRun.RunAsync("git", arguments, Worktree, environment: null, TimeSpan.FromSeconds(30), CancellationToken.None);
        run.ExitCode.Should().Be(0, run.StandardError);
        return run.StandardOutput;
    }

    private sealed class NoChecks : IWorkspaceChecks
    {
        public Task<IReadOnlyList<Nightshift.Diagnostics.Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The replay agent never checks.");

        public Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken) =>
            throw new NotSupportedException("The replay agent never runs tests.");
    }
}
