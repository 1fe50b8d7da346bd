using Microsoft.Data.Sqlite;
using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Store;

public sealed class JournalSnapshotSpecs
{
    private static readonly DateTimeOffset _night = new(2025, 3, 1, 2, 0, 0, 125, TimeSpan.Zero);
    private readonly CancellationToken _ct = CancellationToken.None;

    private static readonly ClusterRow[] _clusters =
    [
        new("clippy:needless_return", "clippy", "needless_return", "warning", 2, 1),
        new("rustc:E0308", "rustc", "E0308", "error", 7, 3),
        new("rustc:unparsed", "rustc", null, "error", 1, 1),
    ];

    [Fact(Timeout = 30_000)]
    public async Task A_snapshot_is_saved_with_its_clusters_and_read_back_largest_cluster_first()
    {
        using var dir = new TempDir("journal");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var session = await journal.StartSessionAsync("burn-down", "nightshift/burn-down", "h", _ct);

        var id = await journal.SaveSnapshotAsync(new NewSnapshot(session.Id, _night, 12, 3, 8, 2, """{"p":1}"""), _clusters, _ct);

        (await journal.GetSnapshotAsync(id, _ct)).Should().BeEquivalentTo(
            new SnapshotRow(id, session.Id, _night, 12, 3, 8, 2, """{"p":1}""", [_clusters[1], _clusters[0], _clusters[2]]),
            options => options.WithStrictOrdering());
        (await journal.GetSnapshotAsync(id + 1, _ct)).Should().BeNull();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_snapshot_whose_cluster_rows_fail_leaves_no_row_behind()
    {
        using var dir = new TempDir("journal");
        var path = dir["nightshift.db"];
        await using var journal = Journal.Open(path);
        ClusterRow[] duplicateLast = [.. _clusters, _clusters[0]];

        var save = () => journal.SaveSnapshotAsync(new NewSnapshot(null, _night, 1, 1, 3, 0), duplicateLast, _ct);

        await save.Should().ThrowAsync<SqliteException>();
        (await journal.LatestSnapshotsAsync(10, null, _ct)).Should().BeEmpty();
        using var raw = new RawDatabase(path);
        raw.Scalar("SELECT count(*) FROM snapshot_clusters").Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cluster_row_cannot_exist_without_its_snapshot()
    {
        using var dir = new TempDir("journal");
        await using var journal = Journal.Open(dir["nightshift.db"]);

        var orphan = () => journal.InTransactionAsync(
            async transaction =>
            {
                await using var command = transaction.Connection!.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO snapshot_clusters VALUES (42, 'k', 'rustc', NULL, 'error', 1, 1)";
                await command.ExecuteNonQueryAsync(_ct);
            },
            _ct);

        (await orphan.Should().ThrowAsync<SqliteException>()).Which.Message.Should().Contain("FOREIGN KEY");
    }

    [Fact(Timeout = 30_000)]
    public async Task Latest_snapshots_come_newest_first_and_can_be_limited_to_one_session()
    {
        using var dir = new TempDir("journal");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var session = await journal.StartSessionAsync("burn-down", "nightshift/burn-down", "h", _ct);
        var outside = await journal.SaveSnapshotAsync(new NewSnapshot(null, _night.AddMinutes(5), 1, 1, 9, 0), _clusters, _ct);
        var early = await journal.SaveSnapshotAsync(new NewSnapshot(session.Id, _night, 1, 1, 8, 0), _clusters, _ct);
        var late = await journal.SaveSnapshotAsync(new NewSnapshot(session.Id, _night.AddMinutes(10), 1, 1, 7, 0), [], _ct);

        var all = await journal.LatestSnapshotsAsync(2, null, _ct);
        var ofSession = await journal.LatestSnapshotsAsync(10, session.Id, _ct);

        all.Select(s => s.Id).Should().Equal(late, outside);
        ofSession.Select(s => s.Id).Should().Equal(late, early);
        ofSession[1].Clusters.Should().HaveCount(3);
        ofSession[0].Clusters.Should().BeEmpty();
    }
}
