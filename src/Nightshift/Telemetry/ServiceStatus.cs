using System.Text.Json.Serialization;

namespace Nightshift.Telemetry;

/// <summary>
/// The service a crash-watch session keeps running, as last sampled: in <c>status.json</c> (<c>nightshift status</c>,
/// <c>watch</c>) and, journaled as <see cref="Events.ServiceSampled"/>, in the report.
/// </summary>
/// <param name="Release">The release it runs (or last ran) from.</param>
/// <param name="Pid">Its process, when crash-watch started it and knows it.</param>
/// <param name="Running">Whether that process is alive.</param>
/// <param name="Restarts">Times the session started it again after its first start (after a crash, a deploy, a rollback).</param>
/// <param name="Uptime">How long the running process has run; null when it does not run.</param>
/// <param name="ResidentBytes">Its resident memory (VmRSS); null when unknown.</param>
public sealed record ServiceStatus(
    string Release,
    int? Pid,
    bool Running,
    int Restarts,
    [property: JsonPropertyName("uptime_seconds")] TimeSpan? Uptime,
    long? ResidentBytes);
