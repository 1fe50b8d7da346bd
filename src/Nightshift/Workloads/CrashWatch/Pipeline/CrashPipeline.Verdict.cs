using System.Globalization;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;
using Nightshift.Verification;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

public sealed partial class CrashPipeline
{
    /// <summary>
    /// Decides on the fix: the build succeeded, the tests are not worse (same rule as the night's verdict), the repro no longer
    /// crashes on the new build, and the policy holds over the diff. Journals the verdict either way, with the attempt's episode.
    /// </summary>
    private async Task<StepEnd> VerdictAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        var reasons = new List<RejectionReason>();
        string? tests = null;
        string? repro = null;
        if (run.BuildProblem is { } problem)
        {
            reasons.Add(new RejectionReason.BuildFailed(problem));
        }
        else
        {
            if (parts.Config.Tests is { } testsConfig && run.TestsBefore is { } before)
            {
                var workspace = run.Workspace!;
                var after = await new TestRunner(parts.Runner, testsConfig, workspace.Environment, workspace.BuildOutputs)
                    .RunAsync(workspace.Path, runs: 1, cancellationToken).ConfigureAwait(false);
                run.TestsAfter = after;
                reasons.AddRange(Verifier.TestRegressions(before, after));
                tests = string.Create(CultureInfo.InvariantCulture, $"{before.Passing.Count}/{before.Tests.Count} -> {after.Passing.Count}/{after.Tests.Count} passing");
            }

            if (parts.Config.Crash?.Repro is { } argv)
            {
                (var fixedNow, repro) = await ReproAsync(argv, run, cancellationToken).ConfigureAwait(false);
                if (!fixedNow)
                {
                    reasons.Add(new RejectionReason.StillCrashes(repro));
                }
            }
        }

        reasons.AddRange(PolicyChecker.Check(UnifiedDiff.Parse(run.Patch ?? ""), parts.Config.Policy));
        var verdict = new CrashVerdict(reasons.Count == 0, reasons, run.Build, tests, repro, Verifier.TestFiguresOf(run.TestsBefore, run.TestsAfter));
        run.Verdict = verdict;
        await RecordDecisionAsync(run, stillCrashes: reasons.Any(r => r is RejectionReason.StillCrashes), cancellationToken).ConfigureAwait(false);
        await parts.Telemetry.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return verdict.Accepted
            ? StepEnd.Done($"accepted: {verdict.Trailer}")
            : StepEnd.Failed($"rejected: {string.Join("; ", reasons.Select(r => r.Message))}");
    }

    /// <summary>Runs <c>crash.repro</c> on the new build; true when it exits 0, with what it did in words.</summary>
    private async Task<(bool Fixed, string What)> ReproAsync(IReadOnlyList<string> argv, PipelineRun run, CancellationToken cancellationToken)
    {
        var crash = parts.Config.Crash!;
        var arguments = argv.Select(a => a.Replace("{crash}", run.Job.ReportPath, StringComparison.Ordinal)).ToArray();
        var environment = ReleaseEnvironment();
        environment["NIGHTSHIFT_CRASH_FILE"] = run.Job.ReportPath;
        var spec = new CommandSpec(arguments[0], arguments[1..])
        {
            WorkingDirectory = run.Release!.Directory,
            Environment = environment,
            Timeout = crash.ReproTimeout,
            Confinement = Confinement.Of(run.Release.Directory).Reading(parts.Config.RepositoryRoot, run.Job.ReportPath),
        };
        try
        {
            var result = await parts.Runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            return result switch
            {
                { Succeeded: true } => (true, "exits 0"),
                { StopCause: StopCause.TimedOut } => (false, $"ran longer than {Configuration.Durations.Format(crash.ReproTimeout)} (crash.repro_timeout)"),
                _ => (false, string.Create(CultureInfo.InvariantCulture, $"exits {result.ExitCode}{Sentences.Detail(LastLine(result))}")),
            };
        }
        catch (CommandStartException e)
        {
            return (false, $"could not start: {e.Message}");
        }
    }
}
