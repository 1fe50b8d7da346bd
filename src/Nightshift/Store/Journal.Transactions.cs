using Microsoft.Data.Sqlite;

namespace Nightshift.Store;

public sealed partial class Journal
{
    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction, committed when it returns and rolled back
    /// when it throws. Journal methods called from inside join this transaction. Do not run journal calls
    /// concurrently inside one transaction: they share a single connection.
    /// </summary>
    public async Task InTransactionAsync(Func<SqliteTransaction, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await WriteAsync(
            async transaction =>
            {
                await work(transaction).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="InTransactionAsync(Func{SqliteTransaction, Task}, CancellationToken)"/>
    public Task<T> InTransactionAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync(work, cancellationToken);
    }

    // BEGIN IMMEDIATE: take the write lock up front, where busy_timeout applies. A deferred transaction
    // that reads first and then writes cannot wait for the lock in WAL mode; it fails with SQLITE_BUSY.
    private Task<T> WriteAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, deferred: false, cancellationToken);

    // A read transaction gives multi-statement reads (a snapshot and its clusters) one consistent view.
    private Task<T> ReadAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, deferred: true, cancellationToken);

    private async Task<T> RunAsync<T>(Func<SqliteTransaction, Task<T>> work, bool deferred, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_ambient.Value is { } open)
        {
            return await work(open).ConfigureAwait(false);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred);
            _ambient.Value = transaction;
            try
            {
                var result = await work(transaction).ConfigureAwait(false);
                transaction.Commit();
                return result;
            }
            finally
            {
                _ambient.Value = null;
            }
        }
        catch (SqliteException e) when (JournalErrors.IsEnvironmental(e))
        {
            throw JournalErrors.Using(DatabasePath, e);
        }
        finally
        {
            _gate.Release();
        }
    }
}
