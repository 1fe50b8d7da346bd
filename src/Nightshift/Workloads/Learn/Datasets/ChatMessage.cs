namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>One message of a chat example: role system, user or assistant.</summary>
public sealed record ChatMessage(string Role, string Content);
