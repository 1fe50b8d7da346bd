namespace Nightshift.Configuration;

/// <summary>Who uses the model <c>nightshift learn</c> promotes (<c>learn.promote_to</c>).</summary>
public enum PromotionTarget
{
    /// <summary>Nobody but the learn loop itself: the workloads keep <c>agent.model</c>.</summary>
    None,

    /// <summary>Every workload's agent asks for the last promoted model instead of <c>agent.model</c>, while one stands.</summary>
    Agent,
}
