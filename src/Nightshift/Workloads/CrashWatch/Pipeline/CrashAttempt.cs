using System.Globalization;
using System.Text.Json.Nodes;
using Nightshift.Agents;
using Nightshift.Agents.Prompts;
using Nightshift.Attempts;
using Nightshift.Attempts.Episodes;
using Nightshift.Diagnostics;
using Nightshift.Verification;
using Nightshift.Workloads.CrashWatch.Analysis;
using Nightshift.Workloads.CrashWatch.Deploy;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>
/// Crash-watch's part of an attempt by one rung of the ladder: analyze (a worktree at the branch tip, the baseline tests once
/// per tip, the task with the report and recent commits) → agent → build (a release folder, so that what is verified is what
/// is deployed) → verdict (the build, the tests not worse, the repro no longer crashing, the policy). Each is a journaled step.
/// </summary>
internal sealed partial class CrashAttempt(CrashPipelineParts parts, CrashJob job, CrashSteps steps, LadderRung rung, TestBaselines baselines)
    : IAttemptWork<CrashBuild>
{
    private const int RecentCommits = 5;
    private const int MaxRenderedReport = 6_000;

    private Workspace? _workspace;
    private AgentTask? _task;
    private AttemptChange? _change;
    private string? _buildProblem;
    private string _build = "not run";

    /// <summary>The attempt's worktree, once analyzed.</summary>
    public Workspace Workspace => _workspace ?? throw new InvalidOperationException("The attempt has no worktree before it is analyzed.");

    /// <summary>The build of the fix, once built: deployed when the fix lands.</summary>
    public Release? Release { get; private set; }

    /// <summary>The tests at the tip the attempt started from; null without tests.</summary>
    public TestSuiteResult? TestsBefore { get; private set; }

    /// <summary>The step that ended the attempt short of an accepted fix, and why: "agent: the attempt changed nothing".</summary>
    public string? Problem { get; private set; }

    /// <summary>The plan of this attempt for the shared runner: the crash's task, the rung's agent inside the "agent" step.</summary>
    public AttemptPlan Plan => new(
        parts.SessionId,
        new Store.NewTask(CrashTasks.Kind, job.Signature, job.Analysis.Title),
        rung.Name,
        AgentAsync,
        AgentFactory.BudgetOf(parts.Config.Agent));

    public async Task<AttemptSetup> PrepareAsync(long attemptId, CancellationToken cancellationToken)
    {
        steps.Attempt(rung.Name, attemptId);
        parts.Telemetry.Worker(1, w => w with { AttemptId = attemptId });
        AttemptSetup? setup = null;
        var analyze = await steps.StepAsync(
            "analyze",
            async () =>
            {
                (setup, var end) = await AnalyzeAsync(attemptId, cancellationToken).ConfigureAwait(false);
                return end;
            },
            cancellationToken).ConfigureAwait(false);
        return setup ?? throw new NightshiftException(Fail("analyze", analyze));
    }

    public async Task<AttemptChange> CaptureAsync(CancellationToken cancellationToken)
    {
        if (_change is null)
        {
            var change = await Workspace.CaptureAsync(cancellationToken).ConfigureAwait(false);
            _change = new AttemptChange(change.Patch, change.ChangedPaths);
        }

        return _change;
    }

    public async Task<AttemptJudgement<CrashBuild>> JudgeAsync(AttemptChange change, string? agentSaid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.IsEmpty)
        {
            // Nothing to build: the verdict is "changed nothing", with what the agent said.
            var unchanged = Verifier.Decide(VerdictInput.WithoutClusters(null, null, "", null, []) with { UnchangedBecause = agentSaid });
            return new AttemptJudgement<CrashBuild>(unchanged, [], new CrashBuild(null));
        }

        await steps.StepAsync("build", () => BuildAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        Verdict? verdict = null;
        TestSuiteResult? after = null;
        var end = await steps.StepAsync(
            "verdict",
            async () =>
            {
                (verdict, after) = await DecideAsync(change, cancellationToken).ConfigureAwait(false);
                await parts.Telemetry.RefreshAsync(cancellationToken).ConfigureAwait(false);
                return verdict.IsAccepted
                    ? StepEnd.Done($"accepted: {verdict.Figures.Verified}")
                    : StepEnd.Failed($"rejected: {string.Join("; ", verdict.Reasons.Select(r => r.Message))}");
            },
            cancellationToken).ConfigureAwait(false);
        if (verdict is null)
        {
            throw new NightshiftException(Fail("verdict", end));
        }

        if (!end.Ok)
        {
            Fail("verdict", end);
        }

        var crash = CrashDiagnostic();
        return new AttemptJudgement<CrashBuild>(
            verdict, verdict.Reasons.Any(r => r is RejectionReason.StillCrashes) ? [crash] : [], new CrashBuild(after));
    }

    /// <summary>Removes the worktree, and the release unless it is deployed and running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_workspace is not null)
        {
            await _workspace.DisposeAsync().ConfigureAwait(false);
        }

        if (Release is { } release && parts.Service?.Current != release)
        {
            parts.Releases.Remove(release);
        }
    }

    private string Fail(string step, StepEnd end) => Problem = $"{step}: {end.Summary}";

    /// <summary>Opens the worktree at the branch tip, measures the baseline tests once per tip, and writes the agent's task.</summary>
    private async Task<(AttemptSetup Setup, StepEnd End)> AnalyzeAsync(long attemptId, CancellationToken cancellationToken)
    {
        var tip = await parts.Repository.BranchTipAsync(parts.Branch, cancellationToken).ConfigureAwait(false)
            ?? throw new NightshiftException($"The session branch {parts.Branch} no longer exists: was it deleted? Restart crash-watch.");
        var id = string.Create(CultureInfo.InvariantCulture, $"crash-{attemptId}");
        _workspace = await parts.Workspaces.CreateAsync(id, tip, worker: 0, cancellationToken).ConfigureAwait(false);
        TestsBefore = await baselines.AtAsync(tip, _workspace, cancellationToken).ConfigureAwait(false);
        var commits = await parts.Repository.CommitsTouchingAsync(tip, job.Analysis.OwnFiles, RecentCommits, cancellationToken).ConfigureAwait(false);
        var report = await File.ReadAllTextAsync(job.ReportPath, cancellationToken).ConfigureAwait(false);
        _task = CrashTasks.Create(
            id, job.Analysis, report, _workspace.Path, commits, ReproText(), PolicyText(), AgentNotes.Present(parts.Config.Agent.Context, _workspace.Path));
        var setup = new AttemptSetup(
            _task,
            _workspace.Path,
            new CrashWorkspaceChecks(parts.Config, _workspace, parts.Runner),
            EpisodeSources.Read(_workspace.Path, job.Analysis.OwnFiles),
            [CrashDiagnostic()]);
        var end = StepEnd.Done(
            string.Create(CultureInfo.InvariantCulture, $"{job.Analysis.OwnFrames.Count} own frame(s) in {job.Analysis.OwnFiles.Count} file(s), {commits.Count} recent commit(s)"),
            new JsonObject
            {
                ["tip"] = tip,
                ["own_files"] = new JsonArray([.. job.Analysis.OwnFiles.Select(f => (JsonNode)f)]),
                ["recent_commits"] = commits.Count,
                ["baseline_tests"] = TestsBefore is { } before ? $"{before.Passing.Count}/{before.Tests.Count} passing" : null,
            });
        return (setup, end);
    }

    /// <summary>Runs the rung's agent as the "agent" step, which also captures what it changed; an empty change is a rejection.</summary>
    private async Task<AgentResult> AgentAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        AgentResult? result = null;
        var end = await steps.StepAsync(
            "agent",
            async () =>
            {
                result = await rung.RunOnceAsync(request, cancellationToken).ConfigureAwait(false);
                return AgentEnd(result, await CaptureAsync(cancellationToken).ConfigureAwait(false));
            },
            cancellationToken).ConfigureAwait(false);
        if (!end.Ok)
        {
            Fail("agent", end);
        }

        return result ?? throw new NightshiftException(Problem!);
    }

    private StepEnd AgentEnd(AgentResult result, AttemptChange change)
    {
        var stopReason = result.StopReason.WireName();
        parts.Telemetry.Worker(1, w => w with { FilesModified = change.ChangedPaths.Count, LastToolCall = result.Summary });
        var detail = new JsonObject
        {
            ["stop_reason"] = stopReason,
            ["steps"] = result.Steps,
            ["files"] = new JsonArray([.. change.ChangedPaths.Select(p => (JsonNode)p)]),
            ["agent_summary"] = result.Summary,
            ["transcript"] = parts.Paths.TranscriptFor($"attempt-{steps.AttemptId}"),
        };
        if (change.IsEmpty && result.EndpointOutage)
        {
            // Says nothing about the crash: no verdict, no episode; the attempt is abandoned and the next rung may try.
            return StepEnd.Failed($"the model endpoint was unavailable: {result.Error}", detail);
        }

        return change.IsEmpty
            ? StepEnd.Failed(new RejectionReason.NoChange(result.Error ?? result.Summary ?? stopReason).Message, detail)
            : StepEnd.Done(string.Create(CultureInfo.InvariantCulture, $"{stopReason}, {change.ChangedPaths.Count} file(s) changed"), detail);
    }

    /// <summary>The crash as an episode's diagnostic: what a model reads first (the report) and what metrics group by (format, kind).</summary>
    private EpisodeDiagnostic CrashDiagnostic()
    {
        var analysis = job.Analysis;
        var top = analysis.OwnFrames.Count > 0 ? analysis.OwnFrames[0] : null;
        var report = _task?.Variables.GetValueOrDefault("report") ?? analysis.Title;
        return new EpisodeDiagnostic(
            analysis.Crash.Format,
            Severity.Error,
            analysis.Crash.Kind,
            analysis.Crash.Message,
            top?.Path,
            top?.Frame.Line,
            null,
            report.Length > MaxRenderedReport ? report[..MaxRenderedReport] : report);
    }
}

/// <summary>What crash-watch measured of an accepted fix beyond the verdict: the tests after it, the next tip's baseline once it lands.</summary>
internal sealed record CrashBuild(TestSuiteResult? TestsAfter);
