using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Nightshift.Store.Migrations;

/// <summary>
/// Brings a journal forward to the newest schema this binary knows, one transaction per step.
/// Safe against a second process migrating at the same time: each step takes the write lock first
/// (BEGIN IMMEDIATE) and re-reads the version under it.
/// </summary>
internal static class Migrator
{
    /// <summary>Applies the steps after the file's version up to <paramref name="targetVersion"/> and returns the new version.</summary>
    public static int Migrate(SqliteConnection connection, IReadOnlyList<Migration> migrations, int targetVersion, string databasePath)
    {
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var current = ReadVersion(connection, transaction: null);
        if (current > known)
        {
            throw new NightshiftException(
                $"{databasePath} has schema version {current} but this nightshift understands up to {known}: "
                + "upgrade nightshift, or move the file away to start a fresh journal.");
        }

        foreach (var migration in migrations)
        {
            if (migration.Version <= current || migration.Version > targetVersion)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction(deferred: false);
            current = ReadVersion(connection, transaction);
            if (migration.Version <= current)
            {
                continue;
            }

            Execute(connection, transaction, migration.Sql);
            ThrowOnForeignKeyViolations(connection, transaction, migration);
            Execute(connection, transaction, $"PRAGMA user_version = {migration.Version.ToString(CultureInfo.InvariantCulture)}");
            transaction.Commit();
            current = migration.Version;
        }

        return current;
    }

    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void ThrowOnForeignKeyViolations(SqliteConnection connection, SqliteTransaction transaction, Migration migration)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA foreign_key_check";
        using var reader = command.ExecuteReader();
        if (reader.Read())
        {
            throw new InvalidOperationException(
                $"Journal migration {migration.Version} ({migration.Name}) leaves a row of {reader.GetString(0)} "
                + $"pointing at a missing row of {reader.GetString(2)}; the step was rolled back.");
        }
    }
}
