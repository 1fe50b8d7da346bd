namespace Nightshift.Diagnostics.Crashes;

/// <summary>
/// A stack that belongs to the crash besides the crashing one: where ASan saw the memory freed
/// or allocated, a .NET inner exception, a Python exception that was being handled (or that
/// caused the final one). <see cref="Role"/> is one of <see cref="CrashTraceRoles"/>;
/// <see cref="Kind"/> and <see cref="Message"/> are set for exceptions, null for ASan stacks.
/// </summary>
public sealed record CrashTrace(
    string Role,
    IReadOnlyList<CrashFrame> Frames,
    string? Kind = null,
    string? Message = null,
    string? Thread = null);
