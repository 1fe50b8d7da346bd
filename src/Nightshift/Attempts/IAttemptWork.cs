using Nightshift.Verification;

namespace Nightshift.Attempts;

/// <summary>
/// What a workload supplies to one attempt: where it happens and what the agent is asked (<see cref="PrepareAsync"/>),
/// what the agent changed (<see cref="CaptureAsync"/>), and what "measure" means for it (<see cref="JudgeAsync"/>: a corpus
/// probe, a build and a crash repro, a koan's tests). Everything else — the journal, the agent, the transcript, the verdict
/// and episode written together — is <see cref="AttemptRunner"/>'s. One instance per attempt; the caller disposes it, which
/// removes its workspace, after it has landed or discarded the attempt.
/// </summary>
/// <typeparam name="TMeasured">What the workload measured, handed back with the verdict (burn-down lands on it).</typeparam>
public interface IAttemptWork<TMeasured> : IAsyncDisposable
{
    /// <summary>Opens the attempt's workspace and writes the agent's task; called once the attempt is journaled.</summary>
    Task<AttemptSetup> PrepareAsync(long attemptId, CancellationToken cancellationToken);

    /// <summary>What the agent changed in the workspace, as a patch.</summary>
    Task<AttemptChange> CaptureAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Measures the workspace with the change and decides with <see cref="Verifier.Decide"/>. An empty change is decided too
    /// (the verifier's "changed nothing"); <paramref name="agentSaid"/> says why, when the agent said.
    /// </summary>
    Task<AttemptJudgement<TMeasured>> JudgeAsync(AttemptChange change, string? agentSaid, CancellationToken cancellationToken);
}
