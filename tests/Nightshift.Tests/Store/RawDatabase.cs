using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Nightshift.Tests.Store;

/// <summary>Plain SQLite access to a journal file, bypassing <c>Journal</c>, to build and inspect files in tests.</summary>
internal sealed class RawDatabase : IDisposable
{
    private readonly SqliteConnection _connection;

    public RawDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA foreign_keys = ON");
    }

    public SqliteConnection Connection => _connection;

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public List<string> Strings(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public List<string> Tables() =>
        Strings("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");

    /// <summary>Rows per table, to compare a file before and after a migration.</summary>
    public Dictionary<string, long> RowCounts() =>
        Tables().ToDictionary(table => table, table => Scalar($"SELECT count(*) FROM \"{table}\""));

    public void Dispose() => _connection.Dispose();
}
