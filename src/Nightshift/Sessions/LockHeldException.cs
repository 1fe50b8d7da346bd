namespace Nightshift.Sessions;

/// <summary>Another live process holds the repository's session lock; the command ends with exit code 3.</summary>
public sealed class LockHeldException(string lockPath, LockHolder? holder)
    : NightshiftException(Describe(lockPath, holder))
{
    public string LockPath { get; } = lockPath;

    /// <summary>The holder's record, or null when it could not be read.</summary>
    public LockHolder? Holder { get; } = holder;

    public override int ExitCode => ExitCodes.Locked;

    private static string Describe(string lockPath, LockHolder? holder)
    {
        if (holder is null)
        {
            return $"another nightshift holds {lockPath} (its holder record is unreadable); wait for it to finish or stop it";
        }

        // The kill hint only helps where the pid means something: on the holder's own host.
        var stop = string.Equals(holder.Host, Environment.MachineName, StringComparison.Ordinal)
            ? $"stop it (kill {holder.ProcessId})"
            : "stop it";
        return $"another nightshift (pid {holder.ProcessId} on host {holder.Host}, '{holder.Purpose}' since {holder.StartedAtText}) " +
               $"holds {lockPath}; wait for it to finish or {stop}";
    }
}
