using Microsoft.Data.Sqlite;
using Nightshift.Files;
using Nightshift.Store.Migrations;

namespace Nightshift.Store;

/// <summary>
/// Nightshift's journal: one SQLite file, <c>&lt;repo&gt;/.nightshift/nightshift.db</c>, written before an
/// action is taken and after it completes so that resume can tell "not started", "in flight" and
/// "done" apart. The typed methods live in partial files by concern (sessions, events, attempts,
/// snapshots, ...); each one is a single transaction.
/// </summary>
/// <remarks>
/// A journal owns one connection, so calls are serialized through a gate; several tasks may share
/// one instance. Inside <see cref="InTransactionAsync(Func{SqliteTransaction, Task}, CancellationToken)"/>
/// the typed methods join the open transaction, which is how several of them become one atomic write.
/// Microsoft.Data.Sqlite does no real asynchronous I/O; the async signatures keep callers uniform and
/// honour cancellation between statements.
/// </remarks>
public sealed partial class Journal : IDisposable, IAsyncDisposable
{
    // A second process (nightshift status, watch) reads while the session writes. In WAL mode readers
    // never block the writer, but a writer still waits for another writer, a checkpoint, or the
    // recovery of a WAL left by a killed process; 5 s covers those without hanging a command forever.
    private const int BusyTimeoutMilliseconds = 5_000;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AsyncLocal<SqliteTransaction?> _ambient = new();
    private bool _disposed;

    private Journal(SqliteConnection connection, string databasePath, int schemaVersion, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
        DatabasePath = databasePath;
        SchemaVersion = schemaVersion;
    }

    public string DatabasePath { get; }

    /// <summary>The schema version of the open file (always <see cref="LatestSchemaVersion"/> after <see cref="Open"/>).</summary>
    public int SchemaVersion { get; }

    /// <summary>The newest schema this build of Nightshift can read and write.</summary>
    public static int LatestSchemaVersion => Schema.LatestVersion;

    /// <summary>
    /// Opens (creating folders and file when missing) and migrates the journal at <paramref name="databasePath"/>.
    /// <paramref name="clock"/> stamps the rows; the system clock unless a test or a replay says otherwise.
    /// </summary>
    /// <exception cref="NightshiftException">The file is newer than this binary, not a database, or cannot be opened.</exception>
    public static Journal Open(string databasePath, TimeProvider? clock = null)
    {
        var fullPath = Path.GetFullPath(databasePath);
        SqliteConnection? connection = null;
        try
        {
            NightshiftPaths.EnsureFolder(Path.GetDirectoryName(fullPath)!);
            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                // The journal holds its one connection for its whole life; a pool would only keep the
                // file open (and the WAL un-checkpointed) after Dispose.
                Pooling = false,
                // Microsoft.Data.Sqlite retries a busy statement on its own until this many seconds pass;
                // keep its ceiling equal to SQLite's busy_timeout so "locked" means the same 5 s everywhere.
                DefaultTimeout = BusyTimeoutMilliseconds / 1000,
            }.ToString());
            connection.Open();
            Configure(connection);
            var version = Migrator.Migrate(connection, Schema.Migrations, Schema.LatestVersion, fullPath);
            return new Journal(connection, fullPath, version, clock ?? TimeProvider.System);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw JournalErrors.Opening(fullPath, e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _connection.Dispose();
        _gate.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private string Now() => JournalTime.Format(_clock.GetUtcNow());

    private static void Configure(SqliteConnection connection)
    {
        Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");

        // WAL lets `nightshift status` read while the session writes, and a killed writer leaves a WAL
        // that the next opener rolls back to the last commit. Filesystems without shared memory (some
        // network mounts) refuse it and keep the rollback journal: slower for readers, still correct.
        Execute(connection, "PRAGMA journal_mode = WAL");

        // NORMAL in WAL mode syncs at checkpoints, not at every commit. A crash of Nightshift (kill -9,
        // OOM) still loses nothing committed and never corrupts the file; only a power loss or an OS
        // crash can forget the last few commits, which a resumed session redoes. Full sync would cost
        // an fsync per event, thousands per night.
        Execute(connection, "PRAGMA synchronous = NORMAL");

        // Off by default in SQLite, per connection; the schema relies on it so no partial row can exist.
        Execute(connection, "PRAGMA foreign_keys = ON");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
