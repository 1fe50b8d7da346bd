using Nightshift.Agents;
using Nightshift.Attempts;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Verification;
using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// The bench's part of one run, for the shared <see cref="AttemptRunner"/>: a fresh copy of the task's workspace and
/// its prompt (nothing else: no level, no solution, no acceptance), the agent under the task's timeout, the change, and a
/// verdict from the tamper check and the acceptance (hidden files copied in only then). What the runner journals is the
/// verifier's verdict; what the bench records is <see cref="RunVerdict"/>'s status and failure class, kept here with the
/// run's figures for <see cref="RunExecutor"/> to write.
/// </summary>
/// <remarks>
/// A run whose verdict would be no verdict on the agent (the infrastructure failed, the bench was paused while it
/// failed) ends its attempt with a <see cref="BenchInfrastructureException"/>: the journal has it as abandoned, and the
/// bench records it as excluded and tries again.
/// </remarks>
internal sealed class BenchAttempt(
    PlannedRun run,
    RunFiles files,
    string directory,
    BenchGit git,
    ProcessRunner runner,
    IPauseGate gate,
    TimeSpan agentStopGrace,
    Func<BenchTask, RunWorkspace, CancellationToken, Task<(AcceptanceVerdict Verdict, IReadOnlyList<AcceptanceOutcome> Outcomes)>> accept)
    : IAttemptWork<RunVerdict>
{
    private readonly long _pausesBefore = gate.Pauses;
    private RunWorkspace? _workspace;
    private TamperGuard? _guard;
    private RunTranscript? _transcript;

    /// <summary>How the agent ended; null until it has.</summary>
    public AgentOutcome? Outcome { get; private set; }

    /// <summary>What the agent changed; empty until captured.</summary>
    public WorkspaceChanges Changes { get; private set; } = new([], "");

    /// <summary>Acceptance files and protected paths the agent touched.</summary>
    public IReadOnlyList<string> Violations { get; private set; } = [];

    /// <summary>The acceptance commands that ran, in order.</summary>
    public IReadOnlyList<AcceptanceOutcome> Acceptance { get; private set; } = [];

    /// <summary>The agent's steps and tool calls as its transcript counted them.</summary>
    public (int Steps, int ToolCalls) Counts => _transcript is null ? (0, 0) : (_transcript.Steps, _transcript.ToolCalls);

    /// <summary>The run's workspace, once prepared.</summary>
    public RunWorkspace? Workspace => _workspace;

    /// <summary>The agent's budget: its own limits with the task's timeout as wall time.</summary>
    public AgentBudget Budget => run.Agent.Limits with { WallTime = run.Task.Timeout };

    public async Task<AttemptSetup> PrepareAsync(long attemptId, CancellationToken cancellationToken)
    {
        var task = run.Task;
        try
        {
            _workspace = await RunWorkspace.CreateAsync(task.Workspace, directory, git, cancellationToken).ConfigureAwait(false);
        }
        catch (BenchInfrastructureException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchInfrastructureException($"could not prepare the workspace: {e.Message}", e);
        }

        var acceptanceFiles = task.AcceptFiles is { } hidden ? DirectoryCopy.ListFiles(hidden) : [];
        _guard = TamperGuard.Snapshot(directory, acceptanceFiles, task.Protected);
        _transcript = RunTranscript.Create(files.Transcript);
        await _transcript.AppendAsync(new TranscriptEntry(1, "user", task.Prompt), cancellationToken).ConfigureAwait(false);
        return new AttemptSetup(
            new AgentTask(task.Id, "bench", task.Title, new Dictionary<string, string> { ["prompt"] = task.Prompt }, []),
            directory,
            new BenchWorkspaceChecks(task.Check, directory, task.AcceptTimeout, runner),
            new Dictionary<string, string>(),
            [],
            _transcript);
    }

    /// <summary>
    /// Runs the agent with a token that the task's timeout cancels (an agent's processes die with it, tree and all,
    /// through the process runner); an agent that ignores the token is given up on after a grace period. Whatever the agent
    /// does is its outcome, never an exception, except the user's cancellation.
    /// </summary>
    public async Task<AgentResult> RunAgentAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timeoutAfter = run.Task.Timeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeoutAfter);
        AgentOutcome outcome;
        try
        {
            var result = await run.Agent.Agent.RunAsync(request, timeout.Token)
                .WaitAsync(timeoutAfter + agentStopGrace, cancellationToken).ConfigureAwait(false);
            outcome = timeout.IsCancellationRequested || result.StopReason is AgentStopReason.TimeLimit or AgentStopReason.IdleLimit
                ? new AgentOutcome.TimedOut(timeoutAfter, result)
                : new AgentOutcome.Returned(result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            outcome = new AgentOutcome.TimedOut(timeoutAfter, null);
        }
        catch (Exception e) when (BenchInfrastructureException.IsInfrastructure(e))
        {
            outcome = new AgentOutcome.Infrastructure(e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An agent is somebody else's code: whatever it throws is its failure, not the bench's.
            outcome = new AgentOutcome.Crashed($"{e.GetType().Name}: {e.Message}");
        }

        Outcome = outcome;
        await _transcript!.NoteAsync(Describe(outcome), cancellationToken).ConfigureAwait(false);

        // An endpoint's outage is the pause gate's to judge (it excludes the run), not the runner's.
        return (outcome.ResultIfAny ?? new AgentResult(
            outcome is AgentOutcome.TimedOut ? AgentStopReason.TimeLimit : AgentStopReason.Error, AgentUsage.None, Counts.Steps,
            Error: outcome.Error ?? Describe(outcome))) with
        { EndpointOutage = false };
    }

    public async Task<AttemptChange> CaptureAsync(CancellationToken cancellationToken)
    {
        Changes = await _workspace!.ChangesAsync(cancellationToken).ConfigureAwait(false);
        if (!Changes.IsEmpty)
        {
            AtomicFile.WriteAllText(files.Diff, Changes.Patch);
        }

        return new AttemptChange(Changes.Patch, Changes.Files);
    }

    public async Task<AttemptJudgement<RunVerdict>> JudgeAsync(AttemptChange change, string? agentSaid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var outcome = Outcome ?? new AgentOutcome.Crashed("the agent did not run");
        var paused = gate.Pauses != _pausesBefore;
        Violations = _guard!.Violations(directory);
        var verdict = RunVerdict.BeforeAcceptance(outcome, paused, !change.IsEmpty, Violations);
        AcceptanceVerdict? acceptance = null;
        if (verdict is null)
        {
            (acceptance, Acceptance) = await accept(run.Task, _workspace!, cancellationToken).ConfigureAwait(false);
            verdict = RunVerdict.AfterAcceptance(outcome, paused, acceptance);
        }

        if (verdict.Status == RunStatus.Excluded)
        {
            throw new BenchInfrastructureException(verdict.Reason ?? "infrastructure error");
        }

        var tampered = string.Join("; ", Violations);
        VerdictCheck[] checks =
        [
            outcome.Error is { } error
                ? VerdictCheck.Failing("agent", error, new RejectionReason.AgentFailed(error))
                : outcome is AgentOutcome.TimedOut
                    ? VerdictCheck.Failing("agent", verdict.Reason ?? "timed out", new RejectionReason.AgentTimedOut(verdict.Reason ?? "timed out"))
                    : VerdictCheck.Passing("agent", Describe(outcome)),
            Violations.Count > 0
                ? VerdictCheck.Failing("untampered", tampered, new RejectionReason.TamperedWith(tampered))
                : VerdictCheck.Passing("untampered", "yes"),
            acceptance switch
            {
                null => VerdictCheck.Passing("acceptance", "not run"),
                AcceptanceVerdict.Failed failed => VerdictCheck.Failing("acceptance", failed.Reason, new RejectionReason.AcceptanceFailed(failed.Reason)),
                _ => VerdictCheck.Passing("acceptance", $"passed ({Acceptance.Count} command{(Acceptance.Count == 1 ? "" : "s")})"),
            },
        ];
        var decided = Verifier.Decide(VerdictInput.WithoutClusters(null, null, change.Patch, policy: null, checks) with { UnchangedBecause = agentSaid });
        return new AttemptJudgement<RunVerdict>(decided, [], verdict);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transcript is not null)
        {
            await _transcript.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Describe(AgentOutcome outcome) => outcome switch
    {
        AgentOutcome.Returned returned => $"agent stopped: {BenchJson.Name(returned.Result.StopReason)}" +
            (returned.Result.Error is { } error ? $" ({error})" : ""),
        AgentOutcome.TimedOut timedOut => $"agent timed out after {Configuration.Durations.Format(timedOut.After)}",
        AgentOutcome.Crashed crashed => $"agent crashed: {crashed.Message}",
        AgentOutcome.Infrastructure infrastructure => $"infrastructure error: {infrastructure.Message}",
        _ => outcome.ToString(),
    };
}
