using System.Text.Json.Serialization;
using Nightshift.Store;

namespace Nightshift.Reports;

/// <summary>One attempt of the session: a bar of the attempt-durations chart.</summary>
/// <param name="AttemptId">The journal's attempt.</param>
/// <param name="Agent">The agent that ran it.</param>
/// <param name="Cluster">Its task key.</param>
/// <param name="State">How it ended (or that it is still running).</param>
/// <param name="StartedAt">When the agent started.</param>
/// <param name="Duration">Until the agent stopped; null while it runs.</param>
public sealed record AttemptSpan(
    long AttemptId,
    string Agent,
    string? Cluster,
    AttemptState State,
    DateTimeOffset StartedAt,
    [property: JsonPropertyName("duration_seconds")] TimeSpan? Duration);
