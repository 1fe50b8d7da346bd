namespace Nightshift.Store;

/// <summary>A model the learn gate promoted, as journaled.</summary>
/// <param name="Id">Its number in the journal, in the order of promotion.</param>
/// <param name="SessionId">The learn session whose gate promoted it.</param>
/// <param name="Model">The model or adapter name every workload asks for while it is current.</param>
/// <param name="Dataset">The dataset it was trained on (the next cycle's replay buffer); null when not known.</param>
/// <param name="PassRate">Its pass rate on the frozen eval koans when it was promoted.</param>
/// <param name="MetricsJson">The gate's decision with every check, as the learn metrics record it.</param>
/// <param name="PromotedAt">When it was promoted.</param>
/// <param name="RolledBackAt">When <c>nightshift learn rollback</c> retired it; null while it stands.</param>
/// <param name="RollbackReason">Why it was rolled back, as the user gave it.</param>
public sealed record PromotionRow(
    long Id,
    long SessionId,
    string Model,
    string? Dataset,
    double PassRate,
    string MetricsJson,
    DateTimeOffset PromotedAt,
    DateTimeOffset? RolledBackAt,
    string? RollbackReason)
{
    public bool IsRolledBack => RolledBackAt is not null;
}
