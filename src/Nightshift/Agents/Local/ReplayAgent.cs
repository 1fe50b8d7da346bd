using System.Globalization;
using System.Text.Json;
using Nightshift.Execution;
using Nightshift.Git;

namespace Nightshift.Agents.Local;

/// <summary>
/// Plays back recorded changes (provider <c>replay</c>, for tests and demos): the patches or file writes
/// <see cref="ReplayRecording"/> finds for the task, one step each, in order. Patches go through
/// <c>git apply</c> in the worktree (the git layer's <see cref="WorktreePatcher"/>), which applies a patch whole or not at all. A task with no recording
/// finishes with no change.
/// </summary>
public sealed class ReplayAgent : IAgent
{
    public const string ProviderName = "replay";

    private static readonly AgentUsage _free = new(0, 0, 0m);

    private readonly ProcessRunner _runner;

    /// <param name="source">The directory or file <c>agent.replay</c> names.</param>
    /// <param name="runner">Runs <c>git apply</c>.</param>
    public ReplayAgent(string source, ProcessRunner? runner = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        Source = source;
        _runner = runner ?? new ProcessRunner();
    }

    public string Name => ProviderName;

    public string Source { get; }

    public async Task<AgentResult> RunAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (changes, from) = await ReplayRecording.FindAsync(Source, request.Task, cancellationToken).ConfigureAwait(false);
        if (changes.Count == 0)
        {
            var name = request.Task.Key is { } key ? $"{key} ({request.Task.Id})" : request.Task.Id;
            await NoteAsync(request, 1, $"Nothing recorded for task {name} in {Source}: no change.", cancellationToken).ConfigureAwait(false);
            return new AgentResult(AgentStopReason.Finished, _free, 0, "Nothing recorded for this task; no change.");
        }

        var step = 0;
        foreach (var change in changes)
        {
            if (request.Budget.MaxSteps is { } maxSteps && step >= maxSteps)
            {
                return Result(AgentStopReason.StepLimit, step, from!, changes.Count);
            }

            step++;
            var failure = change switch
            {
                RecordedPatch patch => await ApplyAsync(request, step, patch, cancellationToken).ConfigureAwait(false),
                RecordedWrite write => await WriteAsync(request, step, write, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"Unknown recorded change {change.GetType().Name}."),
            };
            if (failure is not null)
            {
                await NoteAsync(request, step, failure, cancellationToken).ConfigureAwait(false);
                return Result(AgentStopReason.Error, step, from!, changes.Count) with { Error = failure };
            }
        }

        return Result(AgentStopReason.Finished, step, from!, changes.Count);
    }

    /// <summary>Applies the patch; null on success, else what git said.</summary>
    private async Task<string?> ApplyAsync(AgentRequest request, int step, RecordedPatch patch, CancellationToken cancellationToken)
    {
        var result = await new WorktreePatcher(request.Worktree, _runner).ApplyAsync(patch.Patch, cancellationToken).ConfigureAwait(false);
        await request.Transcript.AppendAsync(
            new TranscriptEntry(step, "tool", result.Succeeded ? "Applied the recorded patch." : $"git apply failed: {result.StandardError.Trim()}", "apply_patch", Json("patch", patch.Patch)),
            cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"The recorded patch does not apply (git apply exited {result.ExitCode}): {result.StandardError.Trim()}");
    }

    /// <summary>Writes the file; null on success, else why it was refused.</summary>
    private static async Task<string?> WriteAsync(AgentRequest request, int step, RecordedWrite write, CancellationToken cancellationToken)
    {
        if (new WorkspacePaths(request.Worktree).Relative(write.Path) is not { } relative)
        {
            return $"The recording writes {write.Path}, which is outside the worktree; nothing was written.";
        }

        var full = Path.Combine(request.Worktree, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, write.Content, cancellationToken).ConfigureAwait(false);
        var arguments = JsonSerializer.Serialize(new Dictionary<string, string> { ["path"] = relative, ["content"] = write.Content });
        await request.Transcript.AppendAsync(new TranscriptEntry(step, "tool", $"Wrote {relative}.", "write_file", arguments), cancellationToken)
            .ConfigureAwait(false);
        return null;
    }

    private static AgentResult Result(AgentStopReason reason, int steps, string from, int recorded) => new(
        reason,
        _free,
        steps,
        string.Create(CultureInfo.InvariantCulture, $"Replayed {steps} of {recorded} recorded change(s) from {from}."));

    private static Task NoteAsync(AgentRequest request, int step, string text, CancellationToken cancellationToken) =>
        request.Transcript.AppendAsync(new TranscriptEntry(step, "harness", text), cancellationToken);

    private static string Json(string name, string value) => JsonSerializer.Serialize(new Dictionary<string, string> { [name] = value });
}
