using Nightshift.Workloads.Bench.Results;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// The status and failure class of a run, decided in two steps: <see cref="BeforeAcceptance"/> settles the runs
/// whose acceptance would mean nothing (timed out, tampered, unchanged, broken infrastructure), and
/// <see cref="AfterAcceptance"/> the rest. Work that passes counts even when the agent then crashed: the
/// class only explains a failure.
/// </summary>
internal sealed record RunVerdict(RunStatus Status, FailureClass? Failure, string? Reason)
{
    public static RunVerdict Pass { get; } = new(RunStatus.Pass, null, null);

    /// <param name="outcome">How the agent ended.</param>
    /// <param name="pausedDuringRun">The pause gate closed while the run went on: an agent that errs or hangs then was most likely cut off.</param>
    /// <param name="changed">The agent changed at least one file.</param>
    /// <param name="violations">Acceptance or protected paths it touched.</param>
    /// <returns>The verdict, or null when the acceptance decides.</returns>
    public static RunVerdict? BeforeAcceptance(AgentOutcome outcome, bool pausedDuringRun, bool changed, IReadOnlyList<string> violations)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(violations);
        if (outcome is AgentOutcome.Infrastructure infrastructure)
        {
            return Excluded(infrastructure.Message);
        }

        if (outcome is AgentOutcome.TimedOut timedOut)
        {
            return Fail(FailureClass.Timeout, $"the agent was still working when its time ({Configuration.Durations.Format(timedOut.After)}) was up", pausedDuringRun);
        }

        if (violations.Count > 0)
        {
            return Fail(FailureClass.PolicyViolation, string.Join("; ", violations), pausedDuringRun: false);
        }

        if (!changed)
        {
            return outcome.Error is { } error
                ? Fail(FailureClass.AgentError, error, pausedDuringRun)
                : Fail(FailureClass.NoChange, $"the agent stopped ({Stop(outcome)}) without changing anything", pausedDuringRun: false);
        }

        return null;
    }

    public static RunVerdict AfterAcceptance(AgentOutcome outcome, bool pausedDuringRun, AcceptanceVerdict acceptance)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return acceptance switch
        {
            AcceptanceVerdict.Passed => Pass,
            AcceptanceVerdict.Infrastructure infrastructure => Excluded(infrastructure.Reason),
            AcceptanceVerdict.Failed failed when outcome.Error is { } error => Fail(FailureClass.AgentError, $"{error}; {failed.Reason}", pausedDuringRun),
            AcceptanceVerdict.Failed failed => Fail(FailureClass.AcceptanceFailed, failed.Reason, pausedDuringRun: false),
            _ => throw new ArgumentOutOfRangeException(nameof(acceptance), acceptance, "Unknown acceptance verdict."),
        };
    }

    public static RunVerdict Excluded(string reason) => new(RunStatus.Excluded, FailureClass.InfraError, reason);

    private static RunVerdict Fail(FailureClass failure, string reason, bool pausedDuringRun) =>
        pausedDuringRun && failure is FailureClass.AgentError or FailureClass.Timeout
            ? Excluded($"the bench was paused (an endpoint down) during the run, which then failed: {reason}")
            : new RunVerdict(RunStatus.Fail, failure, reason);

    private static string Stop(AgentOutcome outcome) =>
        outcome.ResultIfAny is { } result ? BenchJson.Name(result.StopReason) : "without a result";
}
