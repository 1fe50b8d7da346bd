using System.Collections.Concurrent;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;
using Nightshift.Files;
using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Workloads.Bench.Running;

internal sealed partial class RunExecutor
{
    private const int TailLines = 40;
    private const int TailCharacters = 4_000;

    // One acceptance of a task at a time: they share the task's build cache (see AcceptAsync).
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _acceptanceLocks = new(StringComparer.Ordinal);

    /// <summary>
    /// Copies the hidden files in, checks the expected files, and runs the acceptance commands. The commands
    /// share one CARGO_TARGET_DIR per task, so dependencies build once per bench rather than once per run. Cargo
    /// judges freshness by modification times, and every run's copy of the sources is a different set of files:
    /// so the sources are stamped "now" and the task's acceptances take turns, which guarantees each build sees
    /// its own sources as newer than anything another run left in the cache.
    /// </summary>
    private async Task<(AcceptanceVerdict Verdict, IReadOnlyList<AcceptanceOutcome> Outcomes)> AcceptAsync(
        BenchTask task, RunWorkspace workspace, CancellationToken cancellationToken)
    {
        if (task.AcceptFiles is { } hidden)
        {
            DirectoryCopy.Copy(hidden, workspace.Directory);
        }

        var missing = task.ExpectFiles.Where(f => !Path.Exists(Path.Combine(workspace.Directory, f))).ToArray();
        if (missing.Length > 0)
        {
            return (new AcceptanceVerdict.Failed($"expected {string.Join(", ", missing)}, which the agent did not create"), []);
        }

        var turn = _acceptanceLocks.GetOrAdd(task.Id, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = DateTime.UtcNow;
            foreach (var file in await workspace.SourceFilesAsync(cancellationToken).ConfigureAwait(false))
            {
                File.SetLastWriteTimeUtc(Path.Combine(workspace.Directory, file), now);
            }

            var outcomes = new List<AcceptanceOutcome>();
            foreach (var command in task.Accept)
            {
                var spec = command.ToSpec() with
                {
                    WorkingDirectory = workspace.Directory,
                    Timeout = task.AcceptTimeout,
                    Environment = new Dictionary<string, string?> { ["CARGO_TARGET_DIR"] = Path.Combine(cacheRoot, task.Id) },
                    OutputLimit = 200_000,
                    Confinement = Confinement.Of(workspace.Directory, Path.Combine(cacheRoot, task.Id)),
                };
                CommandResult result;
                try
                {
                    result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
                }
                catch (CommandStartException e)
                {
                    return (new AcceptanceVerdict.Infrastructure($"the acceptance command could not start: {e.Message}"), outcomes);
                }

                cancellationToken.ThrowIfCancellationRequested();
                outcomes.Add(new AcceptanceOutcome(
                    command.ToString(), result.ExitCode, BenchJson.Name(result.StopCause), result.Duration.TotalMilliseconds, Tail(result)));
                if (!result.Succeeded)
                {
                    return (new AcceptanceVerdict.Failed(Describe(command, result, task.AcceptTimeout)), outcomes);
                }
            }

            return (new AcceptanceVerdict.Passed(), outcomes);
        }
        finally
        {
            turn.Release();
        }
    }

    private static string Describe(ConfiguredCommand command, CommandResult result, TimeSpan timeout) => result.StopCause switch
    {
        StopCause.TimedOut => $"{command} timed out after {Durations.Format(timeout)}",
        StopCause.Exited => $"{command} exited with {result.ExitCode}",
        _ => $"{command} was stopped ({BenchJson.Name(result.StopCause)})",
    };

    private static string Tail(CommandResult result)
    {
        var text = (result.StandardOutput.TrimEnd() + "\n" + result.StandardError.TrimEnd()).Trim();
        var lines = text.Split('\n');
        var tail = string.Join('\n', lines.TakeLast(TailLines));
        return tail.Length <= TailCharacters ? tail : tail[^TailCharacters..];
    }
}
