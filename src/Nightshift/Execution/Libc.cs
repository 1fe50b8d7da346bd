using System.Runtime.InteropServices;

namespace Nightshift.Execution;

/// <summary>The few libc calls .NET has no API for: signals to a process group, and access(2).</summary>
internal static class Libc
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>SIGSTOP is 19 on Linux and 17 on macOS and the BSDs.</summary>
    public static int SigStop { get; } = OperatingSystem.IsLinux() ? 19 : 17;

    private const int ExecuteOk = 1;

    /// <summary>Sends a signal; true when it was delivered (false mostly means the target is gone).</summary>
    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    /// <summary>Sends a signal to every process of a group (kill with a negative pid).</summary>
    public static bool SignalGroup(int groupId, int signal) => kill(-groupId, signal) == 0;

    /// <summary>True while any process, zombies included, is left in the group (signal 0 only checks).</summary>
    public static bool GroupExists(int groupId) => kill(-groupId, 0) == 0;

    /// <summary>Whether this user may execute the file, by the kernel's rules rather than a guess from mode bits.</summary>
    public static bool IsExecutable(string path) => access(path, ExecuteOk) == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc", SetLastError = true)]
    private static extern int access([MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int mode);
}
