namespace Nightshift.Workloads.CrashWatch.Parsing;

/// <summary>
/// One frame of a crash's stack as the report printed it: the function (without argument values;
/// "??" when the report names none, as gdb and ASan print it),
/// the source file as printed (absolute or relative to the build), the 1-based line, and the
/// module (binary, shared library, DLL or crate) when the report names one. Parts the report does
/// not give are null rather than guessed. <paramref name="Address"/> is the raw instruction
/// address or offset, kept for people reading the record, never used for deduplication.
/// </summary>
public sealed record CrashFrame(string Function, string? File, int? Line, string? Module = null, string? Address = null)
{
    /// <summary>"Creature.cpp:204", "Creature.cpp", or null when the frame names no file.</summary>
    public string? Location => File is null ? null : Line is { } line ? $"{File}:{line}" : File;
}
