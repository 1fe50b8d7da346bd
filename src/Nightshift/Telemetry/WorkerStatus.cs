using System.Text.Json.Serialization;

namespace Nightshift.Telemetry;

/// <summary>What one worker of the session is busy with.</summary>
/// <param name="Worker">1-based worker number.</param>
/// <param name="Cluster">The cluster key of its current task; null while idle.</param>
/// <param name="AttemptId">The journal's attempt in progress; null while idle.</param>
/// <param name="LastToolCall">The agent's latest tool call, one line (e.g. "edit src/lib.rs").</param>
/// <param name="FilesModified">Files the current attempt has changed in its workspace so far.</param>
public sealed record WorkerStatus(int Worker, string? Cluster, long? AttemptId, string? LastToolCall, int FilesModified)
{
    public static WorkerStatus Idle(int worker) => new(worker, null, null, null, 0);

    [JsonIgnore]
    public bool IsIdle => AttemptId is null && Cluster is null;
}
