namespace Nightshift.Telemetry.Events;

/// <summary>One step as <see cref="CrashDone"/> lists it.</summary>
public sealed record CrashDoneStep(string Step, StepOutcome Outcome, double DurationMs, string? Agent);
