using Microsoft.Data.Sqlite;

namespace Nightshift.Store;

/// <summary>
/// Turns SQLite failures caused by the machine (disk full, permissions, a damaged or foreign file)
/// into messages a person can act on. Constraint violations stay SqliteExceptions: they are bugs.
/// </summary>
internal static class JournalErrors
{
    // https://www.sqlite.org/rescode.html (primary codes; extended codes carry them in the low byte).
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static bool IsEnvironmental(SqliteException e) =>
        (e.SqliteErrorCode & 0xFF) is Busy or Locked or ReadOnly or IoError or Corrupt or Full or CantOpen or NotADatabase;

    public static NightshiftException Opening(string path, Exception e) => e switch
    {
        SqliteException s when (s.SqliteErrorCode & 0xFF) is NotADatabase or Corrupt => new NightshiftException(
            $"{path} is not a readable SQLite journal ({s.Message}): move it away to start a fresh journal.",
            innerException: e),
        SqliteException s when (s.SqliteErrorCode & 0xFF) is Busy or Locked => new NightshiftException(
            $"{path} stayed locked by another process ({s.Message}): wait for it to finish, then retry.",
            innerException: e),
        _ => new NightshiftException(
            $"Cannot open the journal {path} ({e.Message}): check that the folder exists and is writable.",
            innerException: e),
    };

    public static NightshiftException Using(string path, SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        Full => new NightshiftException($"The disk holding {path} is full ({e.Message}): free space, then resume.", innerException: e),
        Busy or Locked => new NightshiftException(
            $"{path} stayed locked by another process ({e.Message}): wait for it to finish, then retry.", innerException: e),
        _ => new NightshiftException($"The journal {path} failed ({e.Message}): check the disk, then resume.", innerException: e),
    };
}
