namespace Nightshift.Workloads.CrashWatch.Watching;

/// <summary>How far a watched file has been taken: up to <paramref name="Offset"/> bytes, when it was that long and last written then.</summary>
public sealed record FileMark(long Offset, long Length, DateTime LastWriteUtc);
