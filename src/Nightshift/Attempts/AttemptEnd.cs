using Nightshift.Agents;
using Nightshift.Verification;

namespace Nightshift.Attempts;

/// <summary>How <see cref="AttemptRunner"/> left an attempt: decided (verdict and episode journaled), or abandoned.</summary>
public abstract record AttemptEnd<TMeasured>(long AttemptId)
{
    /// <summary>The verdict is journaled: an accepted attempt waits for its workload to land it, a rejected one is over.</summary>
    public sealed record Decided(long AttemptId, AgentResult Agent, AttemptChange Change, AttemptJudgement<TMeasured> Judgement)
        : AttemptEnd<TMeasured>(AttemptId)
    {
        public Verdict Verdict => Judgement.Verdict;
    }

    /// <summary>Journaled as abandoned with <paramref name="Reason"/>: interrupted, the model endpoint down, the harness failed.</summary>
    /// <param name="AttemptId">The journal's attempt.</param>
    /// <param name="Reason">Why, as journaled.</param>
    /// <param name="EndpointOutage">The model endpoint did not answer: not the task's fault, to be retried once it does.</param>
    /// <param name="Cause">The failure that abandoned it, when one did, for a workload that must pass it on.</param>
    public sealed record Abandoned(long AttemptId, string Reason, bool EndpointOutage = false, Exception? Cause = null)
        : AttemptEnd<TMeasured>(AttemptId);
}
