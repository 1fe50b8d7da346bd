using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Tests.Agents.BuiltIn;
using Nightshift.Tests.BurnDown;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Datasets;

namespace Nightshift.Tests.Learn;

/// <summary>
/// The day phase on the journal's open tasks: clusters an earlier night tried and never fixed are tried again by the model
/// being improved, in a night restricted to them, and a fix found then is a failed-then-fixed example of the next dataset.
/// </summary>
public sealed partial class LearnOpenTasksSpecs
{
    [Fact(Timeout = 600_000)]
    public async Task Learn_day_tries_the_clusters_earlier_nights_left_open_and_the_dataset_learns_the_fix()
    {
        using var night = await NightRepo.CreateAsync();
        using var koans = new TempDir("open-koans");
        TestKoans.Split(koans, train: ["option-match-exhaustive"], eval: ["traits-partialeq-compare"]);
        var asked = new ConcurrentBag<string>();
        await using var server = await LoopbackServer.StartAsync((request, _) =>
        {
            asked.Add(ClusterKey().Match(request.Body).Value);
            return OpenAIWire.ToolCall(request.WantsStream, "call_finish", "finish", new { summary = "Nothing I can do here." }, 50, 5);
        });
        var suggest = await File.ReadAllTextAsync(night.Repo["nightshift.yml"]);
        night.Repo.Write("learn.yml", suggest);
        night.Repo.Write("nightshift.yml", suggest.Replace(
            "agent:\n  provider: suggest\n",
            $"agent:\n  provider: openai\n  model: weak-model\n  base_url: {new Uri(server.BaseUrl, "v1")}\n",
            StringComparison.Ordinal));
        await night.Repo.CommitAllAsync("a weak model for the night, the compiler's suggestions for the day");

        // A night on two of the four clusters, by code and by key, whose model fixes nothing: two open tasks.
        var first = await CliRun.InProcessAsync(night.Path, ["run", "--cluster", "E0308", "--cluster", "rustc:error:E0277"]);

        first.ExitCode.Should().Be(0, first.Err);
        asked.Should().BeEquivalentTo(["rustc:error:E0308", "rustc:error:E0277"], "--cluster restricts the night to those clusters");

        var day = await CliRun.InProcessAsync(night.Path, ["learn", "day", "--config", "learn.yml", "--koans", koans["koans"]]);

        day.ExitCode.Should().Be(0, day.Err);
        day.Err.Should().Contain("day: 2 open task(s) of earlier nights (rustc:error:E0308, rustc:error:E0277)")
            .And.Contain("landed 1 fix(es)").And.Contain("rejected 1 attempt(s)");
        await using (var journal = Journal.Open(NightshiftPaths.For(night.Path).Journal))
        {
            var dayNight = (await journal.ListSessionsAsync(CancellationToken.None)).Last(s => s.Workload == "burn-down");
            var tasks = (await journal.SessionTasksAsync(dayNight.Id, CancellationToken.None)).ToDictionary(t => t.Id, t => t.Key);
            (await journal.SessionAttemptsAsync(dayNight.Id, CancellationToken.None)).Select(a => (tasks[a.TaskId], a.State)).Should().BeEquivalentTo(
                [("rustc:error:E0308", AttemptState.Landed), ("rustc:error:E0277", AttemptState.Rejected)],
                "only the open tasks are tried again, not E0599 or E0596, which no night tried");
        }

        var dataset = await CliRun.InProcessAsync(night.Path, ["dataset", "build", "--config", "learn.yml", "--koans", koans["koans"], "--json"]);

        dataset.ExitCode.Should().Be(0, dataset.Err);
        var manifest = JsonSerializer.Deserialize<DatasetManifest>(dataset.Out, LearnJson.Compact)!;
        manifest.Examples.Should().Contain(e => e.Task == "cluster:rustc:error:E0308" && e.Reason == ExampleReason.FailedThenFixed);

        var again = await CliRun.InProcessAsync(night.Path, ["learn", "day", "--config", "learn.yml", "--koans", koans["koans"]]);

        again.ExitCode.Should().Be(0, again.Err);
        again.Err.Should().Contain("day: 1 open task(s) of earlier nights (rustc:error:E0277)", "a fixed task is no longer open");
    }

    [GeneratedRegex(@"rustc:error:E\d{4}")]
    private static partial Regex ClusterKey();
}
