using System.Text.Json.Serialization;

namespace Nightshift.Reports;

/// <summary>
/// One crash of a crash-watch session (one journaled task), read by <see cref="ReportLoader"/> from the crash events:
/// what it was, when it was first taken, how often it came, and how its pipeline ended with every step.
/// </summary>
/// <param name="TaskId">The journal's task of the crash.</param>
/// <param name="Signature">What deduplicates the crash.</param>
/// <param name="Title">One line about the crash.</param>
/// <param name="Format">The crash report's format, e.g. rust-panic.</param>
/// <param name="Kind">The kind of crash, e.g. panic.</param>
/// <param name="DetectedAt">When the session first journaled it.</param>
/// <param name="Latency">From the report complete on disk to journaled, at its first detection; null when it was resumed.</param>
/// <param name="Seen">How many reports of it the session took (first detection, attached duplicates, recurrences).</param>
/// <param name="Runs">How many times its pipeline started.</param>
/// <param name="Result">deployed, landed, rejected, failed, rolledback or servicedown as the pipeline journaled it (its last run);
/// or <see cref="CrashResults.InFlight"/>, <see cref="CrashResults.Queued"/>, <see cref="CrashResults.Interrupted"/> without an end.</param>
/// <param name="Ticket">The fix's ticket once landed.</param>
/// <param name="Commit">The fix's commit once landed.</param>
/// <param name="Problem">Why it stopped short of deployed or landed.</param>
/// <param name="Duration">Its pipelines' durations added up (the steps' while one has not ended); null before any step.</param>
/// <param name="Steps">Every step of every run, in the order run.</param>
public sealed record CrashEntry(
    long TaskId,
    string Signature,
    string Title,
    string? Format,
    string? Kind,
    DateTimeOffset? DetectedAt,
    [property: JsonPropertyName("latency_ms"), JsonConverter(typeof(NullableMillisecondsJsonConverter))] TimeSpan? Latency,
    int Seen,
    int Runs,
    string Result,
    string? Ticket,
    string? Commit,
    string? Problem,
    [property: JsonPropertyName("duration_ms"), JsonConverter(typeof(NullableMillisecondsJsonConverter))] TimeSpan? Duration,
    IReadOnlyList<CrashStep> Steps);
