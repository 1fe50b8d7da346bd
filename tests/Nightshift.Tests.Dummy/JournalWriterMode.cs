using System.Diagnostics;
using System.Globalization;
using Nightshift.Store;

namespace Nightshift.Tests.Dummy;

/// <summary>
/// <c>dummy journal-writer &lt;dbPath&gt; [events] [clusters]</c>: writes to a journal until killed. Each
/// iteration is ONE transaction of many statements (a task, an attempt, <c>events</c> events of that
/// attempt, a snapshot with <c>clusters</c> cluster rows), so a SIGKILL usually lands mid-transaction.
/// Prints <c>ready</c> once the session exists and <c>iteration N</c> after each commit.
/// </summary>
internal static class JournalWriterMode
{
    // A leaked writer (its test crashed before killing it) must not spin forever.
    private static readonly TimeSpan _lifetime = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var databasePath = args[0];
        var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var clusters = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        var cancellationToken = CancellationToken.None;
        var running = Stopwatch.StartNew();

        await using var journal = Journal.Open(databasePath);
        var session = await journal.StartSessionAsync("crash-test", "nightshift/crash-test", "config-hash", cancellationToken);
        Console.WriteLine("ready");
        for (var iteration = 1; running.Elapsed < _lifetime; iteration++)
        {
            await journal.InTransactionAsync(
                async _ =>
                {
                    var task = await journal.EnsureTaskAsync(
                        session.Id, new NewTask("cluster", $"key-{iteration}", $"iteration {iteration}"), cancellationToken);
                    var attempt = await journal.BeginAttemptAsync(session.Id, task.Id, "dummy", cancellationToken);
                    for (var i = 0; i < events; i++)
                    {
                        await journal.AppendEventAsync(
                            new NewEvent(session.Id, "step", $$"""{"step":{{i}}}""", attempt.Id), cancellationToken);
                    }

                    var rows = Enumerable.Range(0, clusters)
                        .Select(i => new ClusterRow($"rustc:E{i:D4}", "rustc", $"E{i:D4}", "error", clusters - i, 1))
                        .ToList();
                    await journal.SaveSnapshotAsync(
                        new NewSnapshot(session.Id, DateTimeOffset.UtcNow, 1, 1, clusters, 0), rows, cancellationToken);
                },
                cancellationToken);
            Console.WriteLine($"iteration {iteration}");
        }

        return 0;
    }
}
