using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Nightshift.Sessions;

/// <summary>
/// The libc calls behind <see cref="SessionLock"/>: open(2) and flock(2), on Linux and macOS.
/// </summary>
/// <remarks>
/// .NET's own file APIs cannot be used on the lock file: on Unix every FileStream/File.OpenHandle
/// takes an flock of its own when it opens a file (LOCK_SH unless FileShare.None), so a plain
/// File.ReadAllText of a held lock file throws, and a reader's shared lock would make a concurrent
/// Acquire fail. Descriptors opened here carry no lock until we ask for one.
/// </remarks>
internal static class LockFileNative
{
    private const int ReadOnly = 0;
    private const int ReadWrite = 2;
    private const int LockShared = 1;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int LockUnlock = 8;
    private const int Interrupted = 4; // EINTR, the same on Linux and macOS

    private static int CloseOnExec => OperatingSystem.IsMacOS() ? 0x1000000 : 0x80000;

    private static int WouldBlock => OperatingSystem.IsMacOS() ? 35 : 11; // EWOULDBLOCK == EAGAIN

    /// <summary>Opens an existing file without taking any lock; the descriptor is close-on-exec.</summary>
    /// <remarks>
    /// O_CLOEXEC, because a child process that inherited the descriptor would share its open file
    /// description and with it the flock: a hung agent we started would keep the repository locked
    /// after we died, and the next night would be refused. Set atomically at open, so no fork on
    /// another thread can slip in between open and a later fcntl(FD_CLOEXEC).
    /// </remarks>
    public static SafeFileHandle Open(string path, bool writable)
    {
        EnsureSupported();
        int fd;
        do
        {
            // No O_CREAT: open is variadic, and a mode passed through a fixed-argument P/Invoke
            // would not reach it on Apple arm64; SessionLock creates the file beforehand.
            fd = NativeOpen(path, (writable ? ReadWrite : ReadOnly) | CloseOnExec);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Interrupted);

        if (fd < 0)
        {
            throw new NightshiftException(
                $"cannot open the lock file {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>flock(LOCK_NB): true when taken, false when another open file description holds a conflicting lock.</summary>
    public static bool TryLock(SafeFileHandle handle, bool exclusive, string path)
    {
        var operation = (exclusive ? LockExclusive : LockShared) | LockNonBlocking;
        while (true)
        {
            if (NativeFlock(handle, operation) == 0)
            {
                return true;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == WouldBlock)
            {
                return false;
            }

            if (errno != Interrupted)
            {
                throw new NightshiftException(
                    $"cannot lock {path}: {Marshal.GetPInvokeErrorMessage(errno)}; the folder must be on a local file system that supports flock(2)");
            }
        }
    }

    /// <summary>Releases a lock taken through this descriptor; errors are ignored because close releases it too.</summary>
    public static void Unlock(SafeFileHandle handle) => _ = NativeFlock(handle, LockUnlock);

    private static void EnsureSupported()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The session lock uses flock(2) and runs on Linux and macOS only.");
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int NativeOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int NativeFlock(SafeFileHandle fd, int operation);
}
