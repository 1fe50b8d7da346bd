using System.Globalization;
using System.Text.Json;

namespace Nightshift.Sessions;

/// <summary>
/// Who holds (or last held) a repository's session lock, as written into the lock file:
/// <c>{"pid":1234,"host":"build-01","startedAt":"2026-11-22T03:12:00Z","purpose":"run"}</c>.
/// </summary>
public sealed record LockHolder(int ProcessId, string Host, DateTimeOffset StartedAt, string Purpose)
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>This process, starting now (to the second, which is all a person needs to see).</summary>
    public static LockHolder ForCurrentProcess(string purpose)
    {
        var now = DateTimeOffset.UtcNow;
        return new(Environment.ProcessId, Environment.MachineName, now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), purpose);
    }

    /// <summary>The start time as UTC ISO-8601, e.g. 2026-11-22T03:12:00Z.</summary>
    public string StartedAtText => StartedAt.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("pid", ProcessId);
            writer.WriteString("host", Host);
            writer.WriteString("startedAt", StartedAtText);
            writer.WriteString("purpose", Purpose);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// The record in a lock file's bytes, or null when there is none: an empty file (never locked,
    /// or a holder between taking the lock and writing its record) or text that is not a record.
    /// </summary>
    public static LockHolder? Parse(ReadOnlySpan<byte> json)
    {
        if (json.Trim("\n\r\t "u8).IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !TryGet(root, "pid", JsonValueKind.Number, out var pid) || !pid.TryGetInt32(out var processId)
                || !TryGet(root, "host", JsonValueKind.String, out var host)
                || !TryGet(root, "startedAt", JsonValueKind.String, out var startedAt) || !startedAt.TryGetDateTimeOffset(out var started)
                || !TryGet(root, "purpose", JsonValueKind.String, out var purpose))
            {
                return null;
            }

            return new LockHolder(processId, host.GetString()!, started, purpose.GetString()!);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryGet(JsonElement record, string name, JsonValueKind kind, out JsonElement value) =>
        record.TryGetProperty(name, out value) && value.ValueKind == kind;
}
