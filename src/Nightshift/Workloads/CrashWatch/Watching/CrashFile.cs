namespace Nightshift.Workloads.CrashWatch.Watching;

/// <summary>
/// New text of a watched file, taken once its size held still: the bytes from <paramref name="Offset"/> to
/// <paramref name="Length"/>, last written at <paramref name="CompletedAt"/> (the file's modification time), taken at
/// <paramref name="TakenAt"/>.
/// </summary>
public sealed record CrashFile(string Path, long Offset, long Length, string Text, DateTimeOffset CompletedAt, DateTimeOffset TakenAt);
