namespace Nightshift.Diagnostics.Crashes;

/// <summary>The <see cref="CrashRecord.Format"/> names.</summary>
public static class CrashFormats
{
    public const string TrinityCore = "trinitycore";
    public const string Gdb = "gdb";
    public const string RustPanic = "rust-panic";
    public const string DotNet = "dotnet";
    public const string Asan = "asan";
    public const string Python = "python";
    public const string ServerAssert = "server-assert";
    public const string GlibcAssert = "glibc-assert";
    public const string CppTerminate = "cpp-terminate";
}
