using System.Globalization;
using System.Text.Json.Nodes;
using Nightshift.Agents;
using Nightshift.Agents.Transcripts;
using Nightshift.Attempts.Episodes;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;
using Nightshift.Store;
using Nightshift.Verification;
using Nightshift.Workloads.CrashWatch.Analysis;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

public sealed partial class CrashPipeline
{
    private const int RecentCommits = 5;

    /// <summary>Journals the attempt, opens its worktree at the branch tip, measures the baseline tests once per tip, and writes the agent's task.</summary>
    private async Task<StepEnd> AnalyzeAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        var job = run.Job;
        var tip = await parts.Repository.BranchTipAsync(parts.Branch, cancellationToken).ConfigureAwait(false)
            ?? throw new NightshiftException($"The session branch {parts.Branch} no longer exists: was it deleted? Restart crash-watch.");
        var attempt = await parts.Journal.BeginAttemptAsync(parts.SessionId, job.TaskId, run.Rung!.Name, cancellationToken).ConfigureAwait(false);
        run.AttemptId = attempt.Id;
        parts.Telemetry.Worker(1, w => w with { AttemptId = attempt.Id });
        var id = string.Create(CultureInfo.InvariantCulture, $"crash-{attempt.Id}");
        var workspace = await parts.Workspaces.CreateAsync(id, tip, worker: 0, cancellationToken).ConfigureAwait(false);
        run.Workspace = workspace;
        run.Sources = EpisodeSources.Read(workspace.Path, job.Analysis.OwnFiles);

        if (parts.Config.Tests is { } tests && !_testsAt.ContainsKey(tip))
        {
            _testsAt[tip] = await new TestRunner(parts.Runner, tests, workspace.Environment, workspace.BuildOutputs)
                .RunBaselineAsync(workspace.Path, cancellationToken).ConfigureAwait(false);
        }

        run.TestsBefore = _testsAt.GetValueOrDefault(tip);
        var commits = await parts.Repository.CommitsTouchingAsync(tip, job.Analysis.OwnFiles, RecentCommits, cancellationToken).ConfigureAwait(false);
        var report = await File.ReadAllTextAsync(job.ReportPath, cancellationToken).ConfigureAwait(false);
        run.Task = CrashTasks.Create(id, job.Analysis, report, workspace.Path, commits, ReproText(), PolicyText());
        return StepEnd.Done(
            string.Create(CultureInfo.InvariantCulture, $"{job.Analysis.OwnFrames.Count} own frame(s) in {job.Analysis.OwnFiles.Count} file(s), {commits.Count} recent commit(s)"),
            new JsonObject
            {
                ["tip"] = tip,
                ["own_files"] = new JsonArray([.. job.Analysis.OwnFiles.Select(f => (JsonNode)f)]),
                ["recent_commits"] = commits.Count,
                ["baseline_tests"] = run.TestsBefore is { } before ? $"{before.Passing.Count}/{before.Tests.Count} passing" : null,
            });
    }

    /// <summary>Runs the agent in the worktree and journals what it changed; an empty change is a rejection.</summary>
    private async Task<StepEnd> FixAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        var (workspace, task, attempt) = (run.Workspace!, run.Task!, run.AttemptId!.Value);
        var transcriptPath = parts.StateDirectory.TranscriptFor(task.Id);
        AgentResult result;
        await using (var transcript = new TranscriptFile(transcriptPath))
        {
            var request = new AgentRequest(
                task,
                workspace.Path,
                AgentFactory.BudgetOf(parts.Config.Agent),
                new CrashWorkspaceChecks(parts.Config, workspace, parts.Runner),
                new CompositeTranscript(transcript, run.Memory));
            result = await run.Rung!.RunOnceAsync(request, cancellationToken).ConfigureAwait(false);
        }

        run.AgentSteps = result.Steps;

        var change = await workspace.CaptureAsync(cancellationToken).ConfigureAwait(false);
        run.Patch = change.Patch;
        var stopReason = result.StopReason.WireName();
        await parts.Journal.FinishAttemptAsync(
            attempt,
            new AttemptResult(stopReason, result.Usage.TokensIn, result.Usage.TokensOut, result.Usage.CostUsd ?? 0, change.Patch, transcriptPath),
            cancellationToken).ConfigureAwait(false);
        parts.Telemetry.Worker(1, w => w with { FilesModified = change.ChangedPaths.Count, LastToolCall = result.Summary });
        var detail = new JsonObject
        {
            ["stop_reason"] = stopReason,
            ["steps"] = result.Steps,
            ["files"] = new JsonArray([.. change.ChangedPaths.Select(p => (JsonNode)p)]),
            ["agent_summary"] = result.Summary,
            ["transcript"] = transcriptPath,
        };
        if (change.IsEmpty && result.EndpointOutage)
        {
            // Says nothing about the crash: no verdict, no episode; the attempt is abandoned and the next rung may try.
            return StepEnd.Failed($"the model endpoint was unavailable: {result.Error}", detail);
        }

        if (change.IsEmpty)
        {
            var why = result.Error ?? result.Summary ?? stopReason;
            run.Verdict = new CrashVerdict(false, [new RejectionReason.NoChange(why)], "not run", null, null);
            await RecordDecisionAsync(run, stillCrashes: false, cancellationToken).ConfigureAwait(false);
            return StepEnd.Failed(run.Verdict.Reasons[0].Message, detail);
        }

        return StepEnd.Done(string.Create(CultureInfo.InvariantCulture, $"{stopReason}, {change.ChangedPaths.Count} file(s) changed"), detail);
    }

    /// <summary>Copies the worktree into a release folder and builds it there, so that what is verified is what is deployed.</summary>
    private async Task<StepEnd> BuildAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        var build = parts.Config.RequireBuild("crash-watch");
        var release = parts.Releases.Create(string.Create(CultureInfo.InvariantCulture, $"attempt-{run.AttemptId}"), run.Workspace!.Path);
        run.Release = release;
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
            run.BuildProblem = e.Message;
            run.Build = "could not start";
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
            run.Build = $"ok in {Seconds(result.Duration)}";
            return StepEnd.Done(run.Build, detail);
        }

        run.Build = "failed";
        run.BuildProblem = result.StopCause == StopCause.TimedOut
            ? $"'{build.Command}' ran longer than {Configuration.Durations.Format(build.Timeout)} (build.timeout)"
            : string.Create(CultureInfo.InvariantCulture, $"'{build.Command}' exited {result.ExitCode}{Sentences.Detail(LastLine(result))}");
        return StepEnd.Failed(run.BuildProblem, detail);
    }

    // A release holds its own build outputs, so that it can be started again after the next fix is built: no shared target folder.
    private static Dictionary<string, string?> ReleaseEnvironment() => new(StringComparer.Ordinal) { ["CARGO_TARGET_DIR"] = null };

    private static string? LastLine(CommandResult result) =>
        Nightshift.Diagnostics.Parsers.OutputText.Lines(result.StandardError)
            .Concat(Nightshift.Diagnostics.Parsers.OutputText.Lines(result.StandardOutput)).Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);

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
