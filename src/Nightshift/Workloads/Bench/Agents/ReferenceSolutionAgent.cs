using System.Text.Json;
using Nightshift.Agents;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Git;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Workloads.Bench.Agents;

/// <summary>
/// The bench's <c>reference</c> agent: applies each task's reference solution (a patch with <c>git apply</c>,
/// or a directory copied over the workspace). A suite that does not pass 100% with it has a broken task —
/// a solution that does not apply, or acceptance that rejects a right answer.
/// </summary>
public sealed class ReferenceSolutionAgent(BenchSuite suite, ProcessRunner runner) : IAgent
{
    public string Name => BenchAgentSpec.Reference;

    public async Task<AgentResult> RunAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = suite.Tasks.FirstOrDefault(t => t.Id == request.Task.Id);
        var solution = task?.Solution;
        if (solution is null)
        {
            return await FailAsync(request, $"task '{request.Task.Id}' has no solution in {suite.FilePath}", cancellationToken).ConfigureAwait(false);
        }

        switch (solution)
        {
            case BenchSolution.Patch patch:
                await request.Transcript.AppendAsync(
                    new TranscriptEntry(1, "assistant", $"git apply {patch.Path}", "git_apply", JsonSerializer.Serialize(new { patch = Path.GetFileName(patch.Path) })),
                    cancellationToken).ConfigureAwait(false);
                var result = await new ScratchRepository(request.Worktree, runner)
                    .TryRunAsync(["apply", "--whitespace=nowarn", patch.Path], cancellationToken, TimeSpan.FromMinutes(1)).ConfigureAwait(false);
                await request.Transcript.AppendAsync(
                    new TranscriptEntry(1, "tool", result.StandardOutput + result.StandardError, "git_apply"), cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    return new AgentResult(AgentStopReason.Error, AgentUsage.None, 1, Error: $"git apply {patch.Path} failed: {result.StandardError.Trim()}");
                }

                break;
            case BenchSolution.Overlay overlay:
                var copied = DirectoryCopy.Copy(overlay.Path, request.Worktree);
                await request.Transcript.AppendAsync(
                    new TranscriptEntry(1, "assistant", $"copied {string.Join(", ", copied)}", "copy_files", JsonSerializer.Serialize(new { files = copied })),
                    cancellationToken).ConfigureAwait(false);
                break;
        }

        return new AgentResult(AgentStopReason.Finished, AgentUsage.None, 1, Summary: "applied the reference solution");
    }

    private static async Task<AgentResult> FailAsync(AgentRequest request, string error, CancellationToken cancellationToken)
    {
        await request.Transcript.AppendAsync(new TranscriptEntry(1, "harness", error), cancellationToken).ConfigureAwait(false);
        return new AgentResult(AgentStopReason.Error, AgentUsage.None, 0, Error: error);
    }
}
