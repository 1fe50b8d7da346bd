using System.Globalization;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;
using Nightshift.Execution;
using Nightshift.Probing;
using Nightshift.Verification;
using Nightshift.Workspaces;

namespace Nightshift.Attempts;

/// <summary>
/// The configured <c>build</c> run in an attempt's worktree, with the worker's environment and confined to the worktree and
/// its build outputs: before a verdict measures the change, and when an agent checks its work.
/// </summary>
public static class WorkspaceBuild
{
    /// <summary>The code of the diagnostic an agent's check returns when the build fails: nothing else could be measured.</summary>
    public const string FailedCode = "build-failed";

    // Lines of a failed build's output the verdict keeps: enough for the compiler's first error and its context.
    private const int TailLines = 20;

    /// <summary>Runs <paramref name="build"/> in <paramref name="workspace"/>: a passing <c>build</c> check, or a failing one with its output's tail.</summary>
    public static async Task<VerdictCheck> RunAsync(BuildConfig build, Workspace workspace, ProcessRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(runner);
        var spec = build.Command.ToSpec() with
        {
            WorkingDirectory = workspace.Path,
            Environment = workspace.Environment,
            Timeout = build.Timeout,
            Confinement = workspace.Confinement,
        };
        CommandResult result;
        try
        {
            result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandStartException e)
        {
            return VerdictCheck.Failing("build", "could not start", new RejectionReason.BuildFailed($"'{build.Command}' could not start: {e.Message}"));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (result.Succeeded)
        {
            return VerdictCheck.Passing("build", string.Create(CultureInfo.InvariantCulture, $"ok in {result.Duration.TotalSeconds:0.0} s"));
        }

        var lines = OutputText.Lines(result.StandardOutput).Concat(OutputText.Lines(result.StandardError))
            .Where(line => line.Trim().Length > 0).ToList();
        var timedOut = result.StopCause == StopCause.TimedOut;
        var problem = timedOut
            ? $"'{build.Command}' ran longer than {Durations.Format(build.Timeout)} (build.timeout)"
            : string.Create(CultureInfo.InvariantCulture,
                $"'{build.Command}' exited {result.ExitCode}{Sentences.Detail(lines.FirstOrDefault(IsError) ?? lines.LastOrDefault())}");
        var tail = string.Join('\n', lines.TakeLast(TailLines));
        return VerdictCheck.Failing(
            "build",
            timedOut ? "timed out" : string.Create(CultureInfo.InvariantCulture, $"failed (exit {result.ExitCode})"),
            new RejectionReason.BuildFailed(problem) { Tail = tail.Length > 0 ? tail : null });
    }

    /// <summary>A failed build as the one diagnostic an agent's check shows: what failed, and the output's tail as its rendering.</summary>
    public static Diagnostic AsDiagnostic(VerdictCheck failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var reason = failed.Failure as RejectionReason.BuildFailed;
        return new Diagnostic(ProbeFailures.Tool, Severity.Error, FailedCode, reason?.Message ?? $"the build {failed.Outcome}", null) { Rendered = reason?.Tail };
    }

    private static bool IsError(string line) => line.TrimStart().StartsWith("error", StringComparison.OrdinalIgnoreCase);
}
