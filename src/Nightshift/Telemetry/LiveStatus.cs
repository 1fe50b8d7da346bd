using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Files;
using Nightshift.Sessions;
using Nightshift.Store;

namespace Nightshift.Telemetry;

/// <summary>
/// A repository's session as seen from outside it, by a second process: the status file (null when there is
/// none) and the session lock, with the <see cref="State"/> they imply together.
/// </summary>
/// <param name="StatusPath">Where the status file is (or would be).</param>
/// <param name="Status">The status file's content; null when there is no file.</param>
/// <param name="Lock">Who holds or last held the repository's lock.</param>
public sealed record LiveStatus(string StatusPath, SessionStatus? Status, LockStatus Lock)
{
    public LiveState State => Status switch
    {
        null => LiveState.Idle,
        { State: SessionState.Running } => Lock.IsHeld ? LiveState.Running : LiveState.Interrupted,
        _ => LiveState.Ended,
    };

    /// <summary>Reads status.json and the lock of <paramref name="paths"/>; takes nothing, writes nothing.</summary>
    /// <exception cref="NightshiftException">status.json exists but is not a status document.</exception>
    public static LiveStatus Read(NightshiftPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new LiveStatus(paths.Status, StatusFile.Read(paths.Status), SessionLock.ReadHolder(paths));
    }

    /// <summary>
    /// <c>{"state": "running|interrupted|ended|idle", "status_file": ..., "session": &lt;status.json&gt; or null,
    /// "lock": {"path", "held", "holder": {"pid", "host", "started_at", "purpose"} or null}}</c>
    /// </summary>
    public string ToJson()
    {
        var holder = Lock.Holder is { } h
            ? new JsonObject
            {
                ["pid"] = h.ProcessId,
                ["host"] = h.Host,
                ["started_at"] = h.StartedAt,
                ["purpose"] = h.Purpose,
            }
            : null;
        var json = new JsonObject
        {
            ["state"] = State.ToString().ToLowerInvariant(),
            ["status_file"] = StatusPath,
            ["session"] = Status is null ? null : JsonSerializer.SerializeToNode(Status, TelemetryJson.Indented),
            ["lock"] = new JsonObject { ["path"] = Lock.LockPath, ["held"] = Lock.IsHeld, ["holder"] = holder },
        };
        return json.ToJsonString(TelemetryJson.Indented);
    }
}
