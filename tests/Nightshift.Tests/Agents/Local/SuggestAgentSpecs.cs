using System.Text.Json;
using Nightshift.Agents;
using Nightshift.Agents.Local;
using Nightshift.Agents.Transcripts;
using Nightshift.Files;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.Local;

/// <summary>The offline agent on small programs, checked by the real rustc (and gcc).</summary>
public sealed class SuggestAgentSpecs : IDisposable
{
    // rustc proposes `total` for `totl`, MaybeIncorrect; with it the call has one argument too many and
    // a u32 lands in a String: one error becomes two.
    private const string WorseWithTheSuggestion = """
        fn total(values: &[u32]) -> u32 {
            values.iter().sum()
        }

        fn main() {
            let count = 3;
            let label: String = totl(&[1, 2], count);
            println!("{label} {count}");
        }

        """;

    // E0308 (`.to_string()`) and E0425 (`total` for `totl`), both MaybeIncorrect and both right.
    private const string TwoCodes = """
        fn total(values: &[u32]) -> u32 {
            values.iter().sum()
        }

        fn main() {
            let name: String = "ferris";
            let sum = totl(&[1, 2]);
            println!("{name} {sum}");
        }

        """;

    // Two E0425 in one file: after the first fix, the second suggestion's offsets are stale until re-checked.
    private const string TwoTypos = """
        fn total(values: &[u32]) -> u32 {
            values.iter().sum()
        }

        fn main() {
            let small = totl(&[1, 2]);
            let large = totl(&[300, 400]);
            println!("{small} {large}");
        }

        """;

    private readonly TempDir _temp = new("suggest");
    private readonly CompilerChecks _checks;

    public SuggestAgentSpecs()
    {
        Directory.CreateDirectory(Worktree);
        _checks = CompilerChecks.Rustc(Worktree, Directory.CreateDirectory(_temp["rmeta"]).FullName);
    }

    private string Worktree => _temp["repo"];

    [Fact(Timeout = 60_000)]
    public async Task A_maybe_incorrect_suggestion_that_makes_things_worse_is_reverted()
    {
        var file = Write("worse.rs", WorseWithTheSuggestion);
        var transcript = new RecordingTranscript();

        var result = await RunAsync(await TaskForAsync("worse.rs"), transcript);

        File.ReadAllText(file).Should().Be(WorseWithTheSuggestion, "the worktree is left byte for byte as it was");
        result.StopReason.Should().Be(AgentStopReason.Finished);
        result.Summary.Should().Contain("kept 0 of 1 tried");
        var attempt = transcript.Entries.Should().ContainSingle(e => e.ToolName == "apply_suggestion").Subject;
        attempt.Content.Should().StartWith("reverted");
        using var arguments = JsonDocument.Parse(attempt.ToolArguments!);
        arguments.RootElement.GetProperty("outcome").GetString().Should().Be("reverted");
        arguments.RootElement.GetProperty("applicability").GetString().Should().Be("MaybeIncorrect");
        arguments.RootElement.GetProperty("errors_before").GetInt32().Should().Be(1);
        arguments.RootElement.GetProperty("errors_after").GetInt32().Should().Be(2);
        arguments.RootElement.GetProperty("edits")[0].GetProperty("text").GetString().Should().Be("total");
        (await RustcOracle.CheckAsync(file, _temp["rmeta"], CancellationToken.None)).Errors.Should().Be(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task By_default_only_the_suggestions_of_the_tasks_cluster_are_applied()
    {
        var file = Write("two_codes.rs", TwoCodes);
        var task = await TaskForAsync("two_codes.rs");
        var mismatchOnly = task with { Diagnostics = [.. task.Diagnostics.Where(d => d.Code == "E0308")] };

        var result = await RunAsync(mismatchOnly, new RecordingTranscript());

        result.StopReason.Should().Be(AgentStopReason.Finished);
        var outcome = await RustcOracle.CheckAsync(file, _temp["rmeta"], CancellationToken.None);
        outcome.ErrorCodes.Should().Equal(new Dictionary<string, int> { ["E0425"] = 1 });
        File.ReadAllText(file).Should().Contain("\"ferris\".to_string()").And.Contain("totl(");
    }

    [Fact(Timeout = 60_000)]
    public async Task With_the_all_scope_every_diagnostic_in_the_files_is_fair_game()
    {
        var file = Write("two_codes.rs", TwoCodes);
        var task = await TaskForAsync("two_codes.rs");
        var mismatchOnly = task with { Diagnostics = [.. task.Diagnostics.Where(d => d.Code == "E0308")] };

        await RunAsync(mismatchOnly, new RecordingTranscript(), agent: new SuggestAgent(SuggestionScope.All));

        (await RustcOracle.CheckAsync(file, _temp["rmeta"], CancellationToken.None)).Compiles.Should().BeTrue();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_suggestion_made_stale_by_a_kept_change_is_taken_from_the_next_rounds_check()
    {
        var file = Write("two_typos.rs", TwoTypos);
        var task = await TaskForAsync("two_typos.rs");

        var result = await RunAsync(task, new RecordingTranscript());

        result.StopReason.Should().Be(AgentStopReason.Finished);
        result.Steps.Should().Be(2);
        (await RustcOracle.CheckAsync(file, _temp["rmeta"], CancellationToken.None)).Compiles.Should().BeTrue();
    }

    [Fact(Timeout = 60_000)]
    public async Task The_step_budget_counts_rounds()
    {
        var file = Write("two_typos.rs", TwoTypos);
        var task = await TaskForAsync("two_typos.rs");

        var result = await RunAsync(task, new RecordingTranscript(), AgentBudget.Unlimited with { MaxSteps = 1 });

        result.StopReason.Should().Be(AgentStopReason.StepLimit);
        result.Steps.Should().Be(1);
        (await RustcOracle.CheckAsync(file, _temp["rmeta"], CancellationToken.None)).Errors.Should().Be(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_transcript_file_has_one_parseable_line_per_entry_once_the_run_returns()
    {
        Write("two_typos.rs", TwoTypos);
        var task = await TaskForAsync("two_typos.rs");
        var memory = new RecordingTranscript();
        var path = NightshiftPaths.For(_temp["state"]).TranscriptFor("attempt/1");
        AgentResult result;
        await using (var file = new TranscriptFile(path))
        {
            result = await RunAsync(task, new CompositeTranscript(file, memory));

            // Checked while the file is still open: every entry is on disk when the run returns.
            var lines = File.ReadAllLines(path);
            lines.Should().HaveCount(memory.Entries.Count);
            foreach (var line in lines)
            {
                using var json = JsonDocument.Parse(line);
                json.RootElement.GetProperty("step").GetInt32().Should().BeInRange(1, result.Steps);
            }
        }

        Path.GetFileName(path).Should().Be("attempt_1.jsonl");
        var entries = await TranscriptFile.ReadAsync(path, CancellationToken.None);
        entries.Select(e => (e.Step, e.Role, e.Content, e.ToolName, e.ToolArguments))
            .Should().Equal(memory.Entries.Select(e => (e.Step, e.Role, e.Content, e.ToolName, e.ToolArguments)));
        entries.Count(e => e.ToolName == "apply_suggestion").Should().Be(2, "two candidates were kept, one per round");
        entries.Select(e => e.Step).Should().BeInAscendingOrder().And.Contain([1, 2]);
    }

    [Fact(Timeout = 60_000)]
    public async Task Gcc_fix_its_without_byte_offsets_are_applied_by_line_and_column()
    {
        const string source = """
            struct point { int x; int y; };

            int main(void) {
                struct point p = { 1, 2 };
                return p.x + p.yy;
            }

            """;
        var file = Write("point.c", source);
        var gcc = CompilerChecks.Gcc(Worktree);
        var diagnostics = await gcc.CheckAsync(["point.c"], CancellationToken.None);
        diagnostics.Should().ContainSingle().Which.Suggestions.Should().ContainSingle()
            .Which.Replacements.Should().OnlyContain(r => r.ByteStart == null);
        var task = new AgentTask("gcc-1", "cluster", "no member named yy", new Dictionary<string, string>(), diagnostics);

        var result = await new SuggestAgent().RunAsync(
            new AgentRequest(task, Worktree, AgentBudget.Unlimited, gcc, new RecordingTranscript()), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.Finished);
        File.ReadAllText(file).Should().Be(source.Replace("p.yy", "p.y", StringComparison.Ordinal));
        (await gcc.CheckAsync(["point.c"], CancellationToken.None)).Should().BeEmpty();
    }

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string content) => _temp.Write(Path.Combine("repo", name), content);

    private async Task<AgentTask> TaskForAsync(string file)
    {
        var diagnostics = await _checks.CheckAsync([file], CancellationToken.None);
        diagnostics.Should().NotBeEmpty();
        return new AgentTask(file, "cluster", $"Fix {file}", new Dictionary<string, string>(), diagnostics);
    }

    private Task<AgentResult> RunAsync(AgentTask task, ITranscript transcript, AgentBudget? budget = null, SuggestAgent? agent = null) =>
        (agent ?? new SuggestAgent()).RunAsync(
            new AgentRequest(task, Worktree, budget ?? AgentBudget.Unlimited, _checks, transcript), CancellationToken.None);
}
