using Nightshift.Agents;
using Nightshift.Verification;

namespace Nightshift.Attempts;

/// <summary>
/// Told what <see cref="AttemptRunner"/> does, as it does it, after the journal has it: the workload's events, live status
/// and progress lines. Each call may not fail the attempt: it is made once the journal holds what it reports.
/// </summary>
public interface IAttemptObserver
{
    /// <summary>The attempt is journaled and about to open its workspace.</summary>
    Task StartedAsync(long attemptId, AttemptPlan plan, CancellationToken cancellationToken);

    /// <summary>The agent ended and its usage and patch are journaled; the change is about to be measured.</summary>
    Task AgentFinishedAsync(long attemptId, AgentResult result, AttemptChange change, CancellationToken cancellationToken);

    /// <summary>The verdict and the episode are journaled; <paramref name="timings"/> says where the attempt's time went.</summary>
    Task DecidedAsync(long attemptId, Verdict verdict, AttemptTimings timings, CancellationToken cancellationToken);

    /// <summary>The attempt is journaled as abandoned: <paramref name="endpointOutage"/> when the model endpoint did not answer.</summary>
    Task AbandonedAsync(long attemptId, string reason, bool endpointOutage, string? agentError, CancellationToken cancellationToken);
}
