using System.Diagnostics;
using System.Globalization;
using System.Text;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Store;

/// <summary>
/// Kills a real process writing the journal (dummy journal-writer) with SIGKILL, mostly in the middle of a
/// transaction, and checks that the file is intact and holds only whole groups of rows.
/// </summary>
public sealed class JournalCrashSpecs
{
    private const int EventsPerAttempt = 100;
    private const int ClustersPerSnapshot = 100;
    private const int Rounds = 3;

    [Fact(Timeout = 180_000)]
    public async Task A_writer_killed_mid_transaction_leaves_an_intact_journal_with_only_whole_groups()
    {
        using var dir = new TempDir("journal");
        var path = NightshiftPaths.For(dir.Path).Journal;
        var random = new Random(20250301);

        for (var round = 1; round <= Rounds; round++)
        {
            var printed = await RunAndKillAsync(path, extraMilliseconds: random.Next(0, 700));

            using var raw = new RawDatabase(path);
            raw.Strings("PRAGMA integrity_check").Should().Equal(["ok"], $"round {round}");
            raw.Strings("PRAGMA foreign_key_check").Should().BeEmpty();
            raw.Scalar($"""
                SELECT count(*) FROM attempts a
                WHERE (SELECT count(*) FROM events e WHERE e.attempt_id = a.id) <> {EventsPerAttempt}
                """).Should().Be(0, "every attempt has all its events");
            raw.Scalar($"""
                SELECT count(*) FROM snapshots s
                WHERE (SELECT count(*) FROM snapshot_clusters c WHERE c.snapshot_id = s.id) <> {ClustersPerSnapshot}
                """).Should().Be(0, "every snapshot has all its cluster rows");
            var attempts = raw.Scalar("SELECT count(*) FROM attempts");
            raw.Scalar("SELECT count(*) FROM snapshots").Should().Be(attempts, "each attempt was written with one snapshot");
            raw.Scalar("SELECT count(*) FROM tasks").Should().Be(attempts, "each attempt was written with one task");

            // Everything the writer reported as committed survived; at most one more commit slipped in before the kill.
            var lastSession = raw.Scalar("SELECT max(id) FROM sessions");
            raw.Scalar($"SELECT count(*) FROM attempts WHERE session_id = {lastSession}").Should().BeInRange(printed, printed + 1);
        }

        await using var journal = Journal.Open(path);
        var latest = await journal.LatestSnapshotsAsync(1, null, CancellationToken.None);
        latest.Should().ContainSingle().Which.Clusters.Should().HaveCount(ClustersPerSnapshot);
    }

    /// <summary>Starts the writer, lets it commit a few iterations, kills it; returns the last iteration it reported.</summary>
    private static async Task<int> RunAndKillAsync(string databasePath, int extraMilliseconds)
    {
        var start = new ProcessStartInfo(Binaries.Dummy)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "journal-writer", databasePath, $"{EventsPerAttempt}", $"{ClustersPerSnapshot}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = new StringBuilder();
        var stderr = Task.Run(async () => errors.Append(await process.StandardError.ReadToEndAsync()));
        var lastIteration = 0;
        var fewIterations = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stdout = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("iteration ", StringComparison.Ordinal))
                {
                    lastIteration = int.Parse(line["iteration ".Length..], CultureInfo.InvariantCulture);
                    if (lastIteration >= 3)
                    {
                        fewIterations.TrySetResult();
                    }
                }
            }

            fewIterations.TrySetException(new InvalidOperationException($"journal-writer ended on its own: {errors}"));
        });

        try
        {
            await fewIterations.Task;
            await Task.Delay(extraMilliseconds);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            await Task.WhenAll(stdout, stderr);
        }

        return lastIteration;
    }
}
