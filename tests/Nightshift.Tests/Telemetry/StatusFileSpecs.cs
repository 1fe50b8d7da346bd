using System.Text.Json;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Telemetry;

public sealed class StatusFileSpecs : IDisposable
{
    private readonly TempDir _dir = new("status");

    private string StatusPath => Path.Combine(_dir.Path, "status.json");

    [Fact(Timeout = 60_000)]
    public async Task A_reader_never_sees_a_partial_status_while_the_writer_rewrites_it()
    {
        // Sizes alternate between about 1 KB and 30 KB, so a torn read would cut a document short.
        var small = Status(clusters: 0);
        var large = Status(clusters: 200);
        StatusFile.Write(StatusPath, small);
        using var writing = new CancellationTokenSource();

        var reader = Task.Run(() =>
        {
            var reads = 0;
            var clusterCounts = new HashSet<int>();
            while (!writing.IsCancellationRequested || reads == 0)
            {
                var status = SessionStatus.FromJson(File.ReadAllText(StatusPath));
                clusterCounts.Add(status.Clusters.Count);
                reads++;
            }

            return (reads, clusterCounts);
        });
        await Task.Run(() =>
        {
            for (var i = 0; i < 400; i++)
            {
                StatusFile.Write(StatusPath, i % 2 == 0 ? large : small);
            }
        });
        await writing.CancelAsync();
        var (reads, counts) = await reader;

        reads.Should().BePositive();
        counts.Should().BeSubsetOf([0, 200], "every read parsed a whole document, small or large");
        Directory.GetFiles(_dir.Path).Should().Equal([StatusPath], "no temp file is left behind");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_status_round_trips_through_the_file_in_snake_case_with_durations_in_seconds()
    {
        await Task.Yield();
        var status = Status(clusters: 2) with { Eta = new DateTimeOffset(2025, 3, 1, 5, 0, 0, TimeSpan.Zero) };

        StatusFile.Write(StatusPath, status);

        var read = StatusFile.Read(StatusPath);
        read.Should().BeEquivalentTo(status);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(StatusPath));
        json.RootElement.GetProperty("elapsed_seconds").GetInt64().Should().Be(3725);
        json.RootElement.GetProperty("budget").GetProperty("time_left_seconds").GetInt64().Should().Be((8 * 3600) - 3725);
        json.RootElement.GetProperty("state").GetString().Should().Be("running");
        json.RootElement.GetProperty("workers")[0].GetProperty("last_tool_call").GetString().Should().Be("edit src/lib.rs");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_status_reads_as_none_and_a_corrupt_one_is_an_error_naming_the_file()
    {
        await Task.Yield();
        StatusFile.Read(StatusPath).Should().BeNull();
        StatusFile.Read(Path.Combine(_dir.Path, "absent", "status.json")).Should().BeNull();

        await File.WriteAllTextAsync(StatusPath, "{\"session_id\": 1, \"work");

        FluentActions.Invoking(() => StatusFile.Read(StatusPath))
            .Should().Throw<NightshiftException>().WithMessage($"{StatusPath} is not a Nightshift status file*");
    }

    public void Dispose() => _dir.Dispose();

    internal static SessionStatus Status(int clusters)
    {
        var started = new DateTimeOffset(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);
        var elapsed = TimeSpan.FromSeconds(3725);
        return new SessionStatus(
            7,
            "burn-down",
            SessionState.Running,
            "burn-down",
            started,
            elapsed,
            BudgetStatus.Unspent(TimeSpan.FromHours(8), 10m).At(elapsed, 1.25m, 12_000, 3_000),
            [new WorkerStatus(1, "rustc:error:E0308", 12, "edit src/lib.rs", 2), WorkerStatus.Idle(2)],
            3,
            2,
            new ErrorCounts(40, 28),
            [.. Enumerable.Range(0, clusters).Select(i => new ClusterProgress($"rustc:error:E{i:0000} with a long template text to fill the file", 100 - (i % 100), i % 7))],
            5,
            null,
            null,
            started + elapsed);
    }
}
