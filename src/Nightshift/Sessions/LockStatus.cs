namespace Nightshift.Sessions;

/// <summary>
/// What <see cref="SessionLock.ReadHolder"/> found: the last holder's record (null when the lock was
/// never taken or its record cannot be read) and whether some process holds the lock right now.
/// A record with <see cref="IsHeld"/> false names a session that has ended, or died: it never blocks.
/// </summary>
public sealed record LockStatus(string LockPath, LockHolder? Holder, bool IsHeld);
