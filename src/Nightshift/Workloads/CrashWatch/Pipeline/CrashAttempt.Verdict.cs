using System.Globalization;
using System.Text.Json.Nodes;
using Nightshift.Diagnostics.Parsers;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;
using Nightshift.Verification;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

internal sealed partial class CrashAttempt
{
    /// <summary>Copies the worktree into a release folder and builds it there, so that what is verified is what is deployed.</summary>
    private async Task<StepEnd> BuildAsync(CancellationToken cancellationToken)
    {
        var build = parts.Config.RequireBuild("crash-watch");
        var release = parts.Releases.Create(string.Create(CultureInfo.InvariantCulture, $"attempt-{steps.AttemptId}"), Workspace.Path);
        Release = release;
        var reused = Deploy.Releases.Reuse(release, parts.Service?.Current.Directory ?? parts.Config.RepositoryRoot, parts.Config.Crash?.Reuse ?? []);
        var spec = build.Command.ToSpec() with
        {
            WorkingDirectory = release.Directory,
            Environment = ReleaseEnvironment(),
            Timeout = build.Timeout,
            // A release is a copy without .git: the repository it came from is named, to be read as it is.
            Confinement = Confinement.Of(release.Directory).Reading(parts.Config.RepositoryRoot),
        };
        CommandResult result;
        try
        {
            result = await parts.Runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandStartException e)
        {
            (_buildProblem, _build) = (e.Message, "could not start");
            return StepEnd.Failed(e.Message);
        }

        var detail = new JsonObject
        {
            ["release"] = release.Name,
            ["exit_code"] = result.ExitCode,
            ["reused"] = new JsonArray([.. reused.Select(r => (JsonNode)new JsonObject { ["path"] = r.Path, ["files"] = r.Files })]),
        };
        if (result.Succeeded)
        {
            _build = string.Create(CultureInfo.InvariantCulture, $"ok in {result.Duration.TotalSeconds:0.0} s");
            return StepEnd.Done(_build, detail);
        }

        _build = "failed";
        _buildProblem = result.StopCause == StopCause.TimedOut
            ? $"'{build.Command}' ran longer than {Configuration.Durations.Format(build.Timeout)} (build.timeout)"
            : string.Create(CultureInfo.InvariantCulture, $"'{build.Command}' exited {result.ExitCode}{Sentences.Detail(LastLine(result))}");
        return StepEnd.Failed(_buildProblem, detail);
    }

    /// <summary>
    /// Decides on the fix: the build succeeded, the tests are not worse (the same rule as the night's verdict), the repro no
    /// longer crashes on the new build, and the policy holds over the diff.
    /// </summary>
    private async Task<(Verdict Verdict, TestSuiteResult? TestsAfter)> DecideAsync(Attempts.AttemptChange change, CancellationToken cancellationToken)
    {
        if (_buildProblem is { } problem)
        {
            // Nothing built, so nothing else can be measured.
            var checks = new[] { VerdictCheck.Failing("build", _build, new RejectionReason.BuildFailed(problem)) };
            return (Verifier.Decide(VerdictInput.WithoutClusters(null, null, change.Patch, parts.Config.Policy, checks)), null);
        }

        var after = parts.Config.Tests is { } tests && TestsBefore is not null
            ? await new TestRunner(parts.Runner, tests, Workspace.Environment, Workspace.BuildOutputs).RunAsync(Workspace.Path, runs: 1, cancellationToken)
                .ConfigureAwait(false)
            : null;
        var measured = new List<VerdictCheck> { VerdictCheck.Passing("build", _build) };
        if (parts.Config.Crash?.Repro is { } argv)
        {
            var (fixedNow, repro) = await ReproAsync(argv, cancellationToken).ConfigureAwait(false);
            measured.Add(fixedNow ? VerdictCheck.Passing("repro", repro) : VerdictCheck.Failing("repro", repro, new RejectionReason.StillCrashes(repro)));
        }

        var input = VerdictInput.WithoutClusters(after is null ? null : TestsBefore, after, change.Patch, parts.Config.Policy, measured);
        return (Verifier.Decide(input), after);
    }

    /// <summary>Runs <c>crash.repro</c> on the new build; true when it exits 0, with what it did in words.</summary>
    private async Task<(bool Fixed, string What)> ReproAsync(IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        var crash = parts.Config.Crash!;
        var arguments = argv.Select(a => a.Replace("{crash}", job.ReportPath, StringComparison.Ordinal)).ToArray();
        var environment = ReleaseEnvironment();
        environment["NIGHTSHIFT_CRASH_FILE"] = job.ReportPath;
        var spec = new CommandSpec(arguments[0], arguments[1..])
        {
            WorkingDirectory = Release!.Directory,
            Environment = environment,
            Timeout = crash.ReproTimeout,
            Confinement = Confinement.Of(Release.Directory).Reading(parts.Config.RepositoryRoot, job.ReportPath),
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

    // A release holds its own build outputs, so that it can be started again after the next fix is built: no shared target folder.
    private static Dictionary<string, string?> ReleaseEnvironment() => new(StringComparer.Ordinal) { ["CARGO_TARGET_DIR"] = null };

    private static string? LastLine(CommandResult result) =>
        OutputText.Lines(result.StandardError).Concat(OutputText.Lines(result.StandardOutput)).Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);

    private string? ReproText() => parts.Config.Crash?.Repro is { } repro
        ? $"Nightshift runs `{string.Join(' ', repro)}` on the new build ({{crash}} is this report); it must exit 0 where it crashed before."
        : null;

    private string PolicyText()
    {
        var config = parts.Config;
        var rules = new List<string> { $"- The project must build: `{config.RequireBuild("crash-watch").Command}`." };
        if (config.Tests is { } tests)
        {
            rules.Add($"- Every test that passed before must still pass: `{tests.Command}`.");
        }

        if (config.Crash?.Repro is { } repro)
        {
            rules.Add($"- The reproduction `{string.Join(' ', repro)}` must no longer crash.");
        }

        rules.Add(string.Create(CultureInfo.InvariantCulture, $"- At most {config.Policy.MaxDiffLines} changed lines; protected paths stay untouched: {string.Join(", ", config.Policy.Protected)}."));
        if (config.Policy.ForbidSuppressions)
        {
            rules.Add("- No new suppression markers (allow, ignore, pragma, #[ignore] and the like).");
        }

        return string.Join('\n', rules);
    }
}
