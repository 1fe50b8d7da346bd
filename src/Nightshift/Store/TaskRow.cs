namespace Nightshift.Store;

/// <summary>One task as journaled.</summary>
public sealed record TaskRow(
    long Id,
    long SessionId,
    string Kind,
    string Key,
    string Title,
    string? PayloadJson,
    TaskState State,
    DateTimeOffset CreatedAt);
