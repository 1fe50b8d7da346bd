using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Store.Migrations;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Store;

public sealed class JournalMigrationSpecs
{
    private static readonly string[] _allTables =
    [
        "attempts", "commits", "counters", "episodes", "events", "landing_intents", "phases", "probe_cache", "promotions", "released_tickets",
        "sessions", "snapshot_clusters", "snapshots", "tasks",
    ];

    public static TheoryData<int> EarlierVersions()
    {
        var versions = new TheoryData<int>();
        for (var version = 1; version < Journal.LatestSchemaVersion; version++)
        {
            versions.Add(version);
        }

        return versions;
    }

    [Fact(Timeout = 30_000)]
    public async Task A_new_journal_is_created_with_its_folders_at_the_latest_version_with_every_table()
    {
        using var dir = new TempDir("journal");
        var path = NightshiftPaths.For(dir.Path).Journal;

        await using (var journal = Journal.Open(path))
        {
            journal.SchemaVersion.Should().Be(Journal.LatestSchemaVersion);
            journal.DatabasePath.Should().Be(path);
        }

        Schema.Migrations.Select(migration => migration.Version).Should().Equal(Enumerable.Range(1, Journal.LatestSchemaVersion));
        using var raw = new RawDatabase(path);
        raw.Scalar("PRAGMA user_version").Should().Be(Journal.LatestSchemaVersion);
        raw.Tables().Should().BeEquivalentTo(_allTables);
        raw.Strings("PRAGMA journal_mode").Should().Equal("wal");
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(EarlierVersions))]
    public async Task A_journal_at_an_earlier_version_is_migrated_to_the_latest_keeping_its_rows(int version)
    {
        using var dir = new TempDir("journal");
        var path = dir["nightshift.db"];
        Dictionary<string, long> before;
        using (var raw = new RawDatabase(path))
        {
            for (var step = 1; step <= version; step++)
            {
                Migrator.Migrate(raw.Connection, Schema.Migrations, step, path).Should().Be(step);
                JournalSeeds.For.Should().ContainKey(step, "every schema version needs seed rows for this test");
                raw.Execute(JournalSeeds.For[step]);
            }

            before = raw.RowCounts();
        }

        await using var journal = Journal.Open(path);

        journal.SchemaVersion.Should().Be(Journal.LatestSchemaVersion);
        using (var raw = new RawDatabase(path))
        {
            raw.Tables().Should().BeEquivalentTo(_allTables);
            raw.RowCounts().Should().Contain(before);
            raw.Strings("PRAGMA foreign_key_check").Should().BeEmpty();
        }

        var ct = CancellationToken.None;
        (await journal.GetSessionAsync(1, ct)).Should().Be(JournalSeeds.Session);
        (await journal.GetAttemptAsync(1, ct))!.State.Should().Be(AttemptState.Landed);
        (await journal.GetSnapshotAsync(1, ct))!.Clusters.Select(cluster => cluster.Key)
            .Should().Equal("rustc:E0308", "clippy:needless_return");
        (await journal.NextTicketNumberAsync("ticket", ct)).Should().Be(42);

        // The migrated file takes the newest writes.
        var session = await journal.StartSessionAsync("burn-down", "nightshift/burn-down-2", "def456", ct);
        var task = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", "rustc:E0599", "no method"), ct);
        var attempt = await journal.BeginAttemptAsync(session.Id, task.Id, "suggest", ct);
        await journal.AppendEventAsync(new NewEvent(session.Id, "agent-step", null, attempt.Id), ct);
        await journal.CacheProbeAsync("crate-b@sha256:2", """{"errors":1}""", ct);
        (await journal.GetCachedProbeAsync("crate-b@sha256:2", ct)).Should().Be("""{"errors":1}""");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_journal_newer_than_this_nightshift_is_refused_with_advice_and_left_untouched()
    {
        using var dir = new TempDir("journal");
        var path = dir["nightshift.db"];
        var future = Journal.LatestSchemaVersion + 5;
        using (var raw = new RawDatabase(path))
        {
            raw.Execute("CREATE TABLE from_the_future (x)");
            raw.Execute($"PRAGMA user_version = {future}");
        }

        var open = () => Task.Run(() => Journal.Open(path).Dispose());

        await open.Should().ThrowAsync<NightshiftException>().WithMessage(
            $"{path} has schema version {future} but this nightshift understands up to {Journal.LatestSchemaVersion}: "
            + "upgrade nightshift, or move the file away to start a fresh journal.");
        using var after = new RawDatabase(path);
        after.Scalar("PRAGMA user_version").Should().Be(future);
        after.Tables().Should().Equal("from_the_future");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_file_that_is_not_a_database_is_refused_with_advice()
    {
        using var dir = new TempDir("journal");
        var path = dir.Write("nightshift.db", string.Concat(Enumerable.Repeat("not a database at all. ", 400)));

        var open = () => Task.Run(() => Journal.Open(path).Dispose());

        var error = await open.Should().ThrowAsync<NightshiftException>();
        error.Which.Message.Should().Contain(path).And.Contain("move it away to start a fresh journal");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_failing_migration_step_is_rolled_back_entirely_and_leaves_the_previous_version()
    {
        using var dir = new TempDir("journal");
        var path = dir["nightshift.db"];
        Migration[] migrations =
        [
            Schema.Migrations[0],
            new(2, "broken", "CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);"),
        ];
        using var raw = new RawDatabase(path);

        var migrate = () => Task.Run(() => Migrator.Migrate(raw.Connection, migrations, 2, path));

        await migrate.Should().ThrowAsync<Microsoft.Data.Sqlite.SqliteException>();
        raw.Scalar("PRAGMA user_version").Should().Be(1);
        raw.Tables().Should().NotContain("half_done").And.Contain("sessions");
    }
}
