namespace Nightshift.Store;

/// <summary>
/// A probe's measurement to journal. <see cref="SessionId"/> is null for a snapshot taken outside a
/// session (<c>nightshift probe</c>); <see cref="TakenAt"/> is when the probe ran, not when it was saved.
/// </summary>
public sealed record NewSnapshot(
    long? SessionId,
    DateTimeOffset TakenAt,
    int Items,
    int ItemsFailing,
    int Errors,
    int Warnings,
    string? PayloadJson = null);
