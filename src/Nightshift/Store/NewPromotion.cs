namespace Nightshift.Store;

/// <summary>A promotion to journal: the model, the metrics it was promoted on and the dataset it was trained on.</summary>
/// <param name="SessionId">The learn session whose gate promoted it.</param>
/// <param name="Model">The model or adapter name.</param>
/// <param name="Dataset">The dataset it was trained on; null when not known.</param>
/// <param name="PassRate">Its pass rate on the frozen eval koans.</param>
/// <param name="MetricsJson">The gate's decision, as the learn metrics record it.</param>
public sealed record NewPromotion(long SessionId, string Model, string? Dataset, double PassRate, string MetricsJson);
