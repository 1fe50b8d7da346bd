namespace Nightshift.Store;

/// <summary>An event to journal; <see cref="AttemptId"/> ties agent steps and tool calls to their attempt.</summary>
public sealed record NewEvent(long SessionId, string Kind, string? PayloadJson = null, long? AttemptId = null);
