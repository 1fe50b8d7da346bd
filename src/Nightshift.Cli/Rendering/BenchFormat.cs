using System.Globalization;
using Nightshift.Workloads.Bench.Statistics;

namespace Nightshift.Cli.Rendering;

/// <summary>Numbers as bench output shows them, the same on the console, in Markdown and in HTML.</summary>
internal static class BenchFormat
{
    public static string Percent(double rate) => (rate * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"7/10 · 70% [40–89%]", or "–" for no runs.</summary>
    public static string Rate(PassRate rate) => rate.Runs == 0
        ? "–"
        : $"{rate.Passed}/{rate.Runs} · {Percent(rate.Rate)} {Interval(rate)}";

    public static string Interval(PassRate rate) =>
        rate.Runs == 0 ? "–" : $"[{(rate.Low * 100).ToString("0", CultureInfo.InvariantCulture)}–{Percent(rate.High)}]";

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"850ms", "4.2s", "3m07s", "1h02m".</summary>
    public static string Duration(double milliseconds)
    {
        var time = TimeSpan.FromMilliseconds(milliseconds);
        return time.TotalSeconds < 1 ? $"{Number(milliseconds, "0")}ms"
            : time.TotalMinutes < 1 ? $"{Number(time.TotalSeconds, "0.0")}s"
            : time.TotalHours < 1 ? $"{(int)time.TotalMinutes}m{time.Seconds:00}s"
            : $"{(int)time.TotalHours}h{time.Minutes:00}m";
    }
}
