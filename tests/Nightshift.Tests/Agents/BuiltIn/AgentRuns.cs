using Nightshift.Agents;
using Nightshift.Diagnostics;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>What the agent specs share: a cluster-like task and what a complete transcript looks like.</summary>
internal static class AgentRuns
{
    public static AgentRequest Request(string worktree, IWorkspaceChecks checks, ITranscript transcript, AgentBudget? budget = null) =>
        new(Task(), worktree, budget ?? new AgentBudget(MaxSteps: 20, null, null, WallTime: TimeSpan.FromMinutes(1), null), checks, transcript);

    public static AgentTask Task() => new(
        "task-1",
        "cluster",
        "rustc:error:E0308 (1): mismatched types",
        new Dictionary<string, string>
        {
            ["cluster_key"] = "rustc:error:E0308",
            ["cluster_count"] = "1",
            ["cluster_files"] = "src/main.rs",
            ["cluster_file_count"] = "1",
            ["samples"] = "src/main.rs:3:22: error[E0308]: mismatched types",
            ["policy"] = "- the cluster's count must drop\n- no new errors",
        },
        [new Diagnostic("rustc", Severity.Error, "E0308", "mismatched types", new SourceSpan("src/main.rs", 3, 22))]);

    /// <summary>
    /// The transcript holds the system and task prompts, then per step the reply, its tool calls and one
    /// observation per call, in order, and ends with the stop note.
    /// </summary>
    public static void ShouldBeComplete(RecordingTranscript transcript, IReadOnlyList<string> tools, AgentStopReason stopReason)
    {
        var entries = transcript.Entries;
        entries[0].Role.Should().Be("system");
        entries[1].Role.Should().Be("user");
        entries[1].Content.Should().Contain("rustc:error:E0308");
        entries.Where(entry => entry.Role == "assistant" && entry.ToolName is not null).Select(entry => entry.ToolName).Should().Equal(tools);
        entries.Where(entry => entry.Role == "tool").Select(entry => entry.ToolName).Should().Equal(tools);
        for (var index = 0; index < entries.Count; index++)
        {
            if (entries[index] is { Role: "assistant", ToolName: { } tool })
            {
                entries.Skip(index + 1).First(entry => entry.Role == "tool").ToolName.Should().Be(tool, "each call is answered by its observation before the next query");
            }
        }

        entries.Select(entry => entry.Step).Should().BeInAscendingOrder();
        entries[^1].Role.Should().Be("harness");
        entries[^1].Content.Should().StartWith($"Stopped ({stopReason})");
    }
}
