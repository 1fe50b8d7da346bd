using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using Nightshift.Files;

namespace Nightshift.Sessions;

/// <summary>
/// The single-instance lock of one repository: an flock(2) on <c>.nightshift/lock</c> held for the
/// whole session, with a record of the holder (pid, host, start, purpose) written into the same file.
/// Keep the instance reachable for the session (a <c>using</c>): were it collected, its handle's
/// finalizer would close the descriptor and release the lock early.
/// </summary>
/// <remarks>
/// The kernel owns the lock, not the file: it goes away when the holder's descriptor closes, which
/// includes every kind of death (kill -9, OOM killer). A leftover record therefore never blocks;
/// the next Acquire takes the lock and overwrites it.
/// flock rather than fcntl record locks: those belong to the process and vanish when any of its
/// descriptors of the file closes (a ReadHolder in the holding process would drop the lock), while
/// an flock belongs to one open file description. That also fixes the in-process semantics: two
/// Acquire calls in one process open two descriptions, so the second is refused exactly as it would
/// be in another process; one process runs one session.
/// The file is never deleted: after an unlink, a waiter could lock the old inode while a newcomer
/// locks a new one, and both would run.
/// </remarks>
public sealed class SessionLock : IDisposable
{
    private const int MaxRecordBytes = 64 * 1024;

    // How long a refused Acquire keeps trying before it reports the holder. A ReadHolder probe holds
    // a shared lock for microseconds, and a new holder needs a moment between locking and writing
    // its record; neither should fail a run or produce a message without a pid.
    private static readonly TimeSpan _settle = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan _recordWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _retryDelay = TimeSpan.FromMilliseconds(10);

    private readonly SafeFileHandle _handle;

    private SessionLock(string lockPath, SafeFileHandle handle, LockHolder holder)
    {
        LockPath = lockPath;
        _handle = handle;
        Holder = holder;
    }

    /// <summary>The full path of the lock file.</summary>
    public string LockPath { get; }

    /// <summary>The record this process wrote into the lock file.</summary>
    public LockHolder Holder { get; }

    /// <summary>
    /// Takes the lock on <see cref="NightshiftPaths.Lock"/> (creating folder and file if needed) without
    /// waiting for a live holder, and records this process as the holder with <paramref name="purpose"/>
    /// (what the session does, e.g. "run"), which is shown to whoever is refused.
    /// </summary>
    /// <exception cref="LockHeldException">Another open lock file description, in this or another process, holds the lock.</exception>
    public static SessionLock Acquire(NightshiftPaths paths, string purpose)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var lockPath = paths.Lock;
        paths.EnsureCreated();
        if (Directory.Exists(lockPath))
        {
            throw new NightshiftException(
                $"{lockPath} is a folder, but it must be Nightshift's lock file. " +
                "Remove the folder (no Nightshift command creates one there) and run the command again.");
        }

        EnsureExists(lockPath);

        var handle = LockFileNative.Open(lockPath, writable: true);
        try
        {
            var waited = Stopwatch.StartNew();
            while (!LockFileNative.TryLock(handle, exclusive: true, lockPath))
            {
                var holder = LockHolder.Parse(ReadAll(handle));
                if ((holder is not null && waited.Elapsed >= _settle) || waited.Elapsed >= _recordWait)
                {
                    throw new LockHeldException(lockPath, holder);
                }

                Thread.Sleep(_retryDelay);
            }

            var record = LockHolder.ForCurrentProcess(purpose);
            RandomAccess.SetLength(handle, 0);
            RandomAccess.Write(handle, record.ToJson(), fileOffset: 0);
            return new SessionLock(lockPath, handle, record);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The lock file's last record and whether the lock is held right now (for <c>nightshift status</c>).
    /// Takes nothing: the probe's shared lock is released before this returns.
    /// </summary>
    public static LockStatus ReadHolder(NightshiftPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var lockPath = paths.Lock;
        if (!File.Exists(lockPath))
        {
            return new LockStatus(lockPath, Holder: null, IsHeld: false);
        }

        using var handle = LockFileNative.Open(lockPath, writable: false);
        var isHeld = !LockFileNative.TryLock(handle, exclusive: false, lockPath);
        if (!isHeld)
        {
            // Released before reading, to keep the window in which an Acquire is refused tiny.
            LockFileNative.Unlock(handle);
        }

        return new LockStatus(lockPath, LockHolder.Parse(ReadAll(handle)), isHeld);
    }

    /// <summary>Releases the lock. The record stays behind as "last holder"; it blocks no one.</summary>
    public void Dispose()
    {
        if (_handle.IsClosed)
        {
            return;
        }

        LockFileNative.Unlock(_handle);
        _handle.Dispose();
    }

    private static void EnsureExists(string lockPath)
    {
        if (File.Exists(lockPath))
        {
            return;
        }

        try
        {
            // .NET holds a shared flock on the new file until this handle closes; an Acquire racing
            // us meets it and retries for the settle time.
            using var created = File.OpenHandle(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            // Another process created it first; that is all we wanted.
        }
    }

    private static byte[] ReadAll(SafeFileHandle handle)
    {
        var buffer = new byte[(int)Math.Min(RandomAccess.GetLength(handle), MaxRecordBytes)];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer[..total];
    }
}
