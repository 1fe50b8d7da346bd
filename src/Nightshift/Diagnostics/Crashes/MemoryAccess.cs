namespace Nightshift.Diagnostics.Crashes;

/// <summary>
/// The bad memory access a sanitizer or a Windows access violation describes:
/// <see cref="Operation"/> is "READ" or "WRITE", <see cref="Size"/> the bytes accessed when known,
/// <see cref="Address"/> the accessed address as printed.
/// </summary>
public sealed record MemoryAccess(string Operation, int? Size, string? Address);
