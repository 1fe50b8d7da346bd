using System.Globalization;

namespace Nightshift.Reports;

/// <summary>
/// How Nightshift spells numbers, money, times and durations for people (reports, status, watch): invariant
/// culture, UTC, one way everywhere.
/// </summary>
public static class ReportFormat
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(int value) => Count((long)value);

    public static string Count(int? value) => value is { } v ? Count((long)v) : "-";

    /// <summary>Dollars with cents, and up to two more digits for the fractions of a cent that cheap models cost.</summary>
    public static string Cost(decimal value) => "$" + value.ToString("#,0.00##", CultureInfo.InvariantCulture);

    /// <summary>A signed change: +3, -12, 0.</summary>
    public static string Change(int value) => value > 0 ? "+" + Count(value) : Count(value);

    /// <summary>A share as a whole percentage: 0.5 → 50%.</summary>
    public static string Percent(double share) =>
        Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Clock(DateTimeOffset time) =>
        time.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"4h 05m", "3m 07s", "42s".</summary>
    public static string Duration(TimeSpan duration)
    {
        var total = (long)Math.Round(Math.Max(0, duration.TotalSeconds), MidpointRounding.AwayFromZero);
        var hours = total / 3600;
        var minutes = total % 3600 / 60;
        var seconds = total % 60;
        return hours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours}h {minutes:00}m")
            : minutes > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{minutes}m {seconds:00}s")
                : string.Create(CultureInfo.InvariantCulture, $"{seconds}s");
    }

    public static string Duration(TimeSpan? duration) => duration is { } d ? Duration(d) : "-";

    /// <summary>A duration that may be short, as crash steps and detection latencies are: "180 ms", "4.2 s", then as <see cref="Duration(TimeSpan)"/>.</summary>
    public static string Elapsed(TimeSpan duration) =>
        duration.TotalMilliseconds < 999.5
            ? Math.Max(0, duration.TotalMilliseconds).ToString("0", CultureInfo.InvariantCulture) + " ms"
            : duration.TotalSeconds < 59.95
                ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
                : Duration(duration);

    public static string Elapsed(TimeSpan? duration) => duration is { } d ? Elapsed(d) : "-";

    public static string Outcome(TargetOutcome outcome) => outcome switch
    {
        TargetOutcome.Met => "met",
        TargetOutcome.Missed => "missed",
        TargetOutcome.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string State(Store.AttemptState state) => state.ToString().ToLowerInvariant();

    public static string State(Store.SessionState state) => state.ToString().ToLowerInvariant();

    /// <summary>How the session stopped, in words, also while it runs.</summary>
    public static string StopReason(ReportSession session) => session.StopReason ?? session.State switch
    {
        Store.SessionState.Running => "still running",
        Store.SessionState.Abandoned => "abandoned",
        _ => "not recorded",
    };

    /// <summary>Bytes as people read memory: "14.2 MB"; "-" when unknown.</summary>
    public static string Memory(long? bytes) =>
        bytes is { } b ? (b / 1048576.0).ToString("#,0.0", CultureInfo.InvariantCulture) + " MB" : "-";

    /// <summary>"release attempt-3, running (pid 4242), 2 restarts, up 1m 20s, 14.2 MB resident" (the service crash-watch keeps running).</summary>
    public static string Service(Telemetry.ServiceStatus service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var state = service.Running ? $"running (pid {service.Pid})" : "not running";
        return $"release {service.Release}, {state}, {Count(service.Restarts)} {(service.Restarts == 1 ? "restart" : "restarts")}, "
            + $"up {Duration(service.Uptime)}, {Memory(service.ResidentBytes)} resident";
    }
}
