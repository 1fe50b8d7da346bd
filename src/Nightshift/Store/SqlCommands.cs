using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Nightshift.Store;

/// <summary>
/// The few ADO.NET helpers the journal needs instead of an ORM: run a statement, read a scalar,
/// map rows. Every command runs in a transaction because Microsoft.Data.Sqlite refuses a command
/// without one while the connection has a transaction open.
/// </summary>
internal static class SqlCommands
{
    public static SqliteCommand Command(this SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(
        this SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = transaction.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first column of the first row, or null when there is no row or the value is NULL.</summary>
    public static async Task<object?> ScalarAsync(
        this SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = transaction.Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    public static async Task<long> Int64Async(
        this SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var value = await transaction.ScalarAsync(sql, parameters, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Expected a value from: {sql}");
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(
        this SqliteTransaction transaction,
        string sql,
        (string Name, object? Value)[] parameters,
        Func<SqliteDataReader, T> map,
        CancellationToken cancellationToken)
    {
        await using var command = transaction.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static async Task<T?> QuerySingleOrDefaultAsync<T>(
        this SqliteTransaction transaction,
        string sql,
        (string Name, object? Value)[] parameters,
        Func<SqliteDataReader, T> map,
        CancellationToken cancellationToken)
        where T : class
    {
        var rows = await transaction.QueryAsync(sql, parameters, map, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetNullableInt64(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static DateTimeOffset GetTime(this SqliteDataReader reader, int ordinal) =>
        JournalTime.Parse(reader.GetString(ordinal));

    public static DateTimeOffset? GetNullableTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JournalTime.Parse(reader.GetString(ordinal));
}
