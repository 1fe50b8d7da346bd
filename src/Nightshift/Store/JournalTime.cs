using System.Globalization;

namespace Nightshift.Store;

/// <summary>
/// Timestamps are stored as ISO-8601 UTC text with milliseconds, the exact shape SQLite's own
/// <c>strftime('%Y-%m-%dT%H:%M:%fZ')</c> produces: fixed width, so text order is time order, and
/// readable in the sqlite3 shell when someone inspects a journal in the morning.
/// </summary>
internal static class JournalTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? time) => time is { } value ? Format(value) : null;

    public static DateTimeOffset Parse(string text) =>
        new(DateTime.ParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
}
