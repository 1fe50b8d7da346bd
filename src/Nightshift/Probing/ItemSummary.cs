namespace Nightshift.Probing;

/// <summary>One item of a journaled snapshot.</summary>
public sealed record ItemSummary(string Item, int ExitCode, int Errors, int Warnings, bool Cached, long DurationMs);
