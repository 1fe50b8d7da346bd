using System.Text.Json.Serialization;
using Nightshift.Attempts;

namespace Nightshift.Telemetry.Events;

/// <summary>The verifier decided on an attempt's change.</summary>
[EventKind("verdict.decided")]
public sealed record VerdictDecided(bool Accepted, string Summary) : SessionEvent
{
    /// <summary>Where the attempt's time went; absent in events written before it was recorded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VerdictTimings? Timings { get; init; }
}

/// <summary>An attempt's phases in seconds, to the millisecond (<see cref="AttemptTimings"/>).</summary>
public sealed record VerdictTimings(
    double PrepareSeconds, double AgentSeconds, double CaptureSeconds, double JudgeSeconds, double? MeasureSeconds, double TotalSeconds, double HarnessSeconds)
{
    public static VerdictTimings Of(AttemptTimings timings)
    {
        ArgumentNullException.ThrowIfNull(timings);
        return new VerdictTimings(
            Seconds(timings.Prepare), Seconds(timings.Agent), Seconds(timings.Capture), Seconds(timings.Judge),
            timings.Measure is { } measure ? Seconds(measure) : null, Seconds(timings.Total), Seconds(timings.Harness));
    }

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);
}
