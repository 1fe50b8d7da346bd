namespace Nightshift.Diagnostics.Crashes;

/// <summary>
/// One frame of a crash's stack as the report printed it: the function (without argument values;
/// "??" when the report names none, as gdb and ASan print it),
/// the source file as printed (absolute or relative to the build), the 1-based line, and the
/// module (binary, shared library, DLL or crate) when the report names one. Parts the report does
/// not give are null rather than guessed. <paramref name="Address"/> is the raw instruction
/// address or offset, kept for people reading the record, never used for deduplication: it moves
/// with every load address. <paramref name="Offset"/> is where the frame lies inside
/// <paramref name="Module"/> as printed (ASan's "+0x1b2", a Windows "0001:003F41D4"
/// section:offset), which stays put across restarts and identifies a frame without symbols.
/// </summary>
public sealed record CrashFrame(string Function, string? File, int? Line, string? Module = null, string? Address = null, string? Offset = null)
{
    /// <summary>"Creature.cpp:204", "Creature.cpp", or null when the frame names no file.</summary>
    public string? Location => File is null ? null : Line is { } line ? $"{File}:{line}" : File;
}
