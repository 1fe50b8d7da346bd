using System.Text.Json.Serialization;

namespace Nightshift.Verification;

[JsonDerivedType(typeof(AgentFailed), "agent_failed")]
[JsonDerivedType(typeof(AgentTimedOut), "agent_timed_out")]
[JsonDerivedType(typeof(TamperedWith), "tampered_with")]
[JsonDerivedType(typeof(AcceptanceFailed), "acceptance_failed")]
public abstract partial record RejectionReason
{
    /// <summary>A bench run's agent failed: it threw, or stopped with an error.</summary>
    /// <param name="What">What the agent said or threw.</param>
    public sealed record AgentFailed(string What) : RejectionReason
    {
        public override string Message => $"the agent failed: {What}";
    }

    /// <summary>A bench run's agent was still working when the task's time was up.</summary>
    /// <param name="What">"the agent was still working when its time (10m) was up".</param>
    public sealed record AgentTimedOut(string What) : RejectionReason
    {
        public override string Message => What;
    }

    /// <summary>A bench run's agent touched the task's acceptance files or protected paths.</summary>
    /// <param name="What">What it touched, one sentence each, joined by "; ".</param>
    public sealed record TamperedWith(string What) : RejectionReason
    {
        public override string Message => $"the agent tampered with the task: {What}";
    }

    /// <summary>A bench task's acceptance failed on the agent's change.</summary>
    /// <param name="What">"cargo test exited with 101".</param>
    public sealed record AcceptanceFailed(string What) : RejectionReason
    {
        public override string Message => $"the acceptance failed: {What}";
    }
}
