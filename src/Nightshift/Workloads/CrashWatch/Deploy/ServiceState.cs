using System.Text.Json;
using System.Text.Json.Serialization;
using Nightshift.Files;

namespace Nightshift.Workloads.CrashWatch.Deploy;

/// <summary>
/// <c>.nightshift/crash-watch/service.json</c>: which release runs and as which process, so that the next crash-watch session
/// stops the service it started rather than guessing. The start time guards against a PID the kernel reused.
/// </summary>
internal sealed record ServiceState(
    [property: JsonPropertyName("release")] string Release,
    [property: JsonPropertyName("directory")] string Directory,
    [property: JsonPropertyName("pid")] int? Pid,
    [property: JsonPropertyName("start_time")] ulong? StartTime)
{
    public static ServiceState? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ServiceState>(File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null; // an unreadable record only means the service is not known to be ours
        }
    }

    /// <summary>Writes the whole file or nothing (a temporary file renamed over it).</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this));
}
