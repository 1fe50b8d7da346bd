using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Tests.Agents.BuiltIn;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.BurnDown;

/// <summary>
/// Routing by error family (<c>agent.routes</c>): a night whose clusters fall in two routed families and one unrouted
/// cluster, against a loopback server in the OpenAI wire format that records which model each attempt asked for.
/// </summary>
public sealed partial class NightRoutingSpecs
{
    [Fact(Timeout = 300_000)]
    public async Task Each_attempt_asks_for_its_familys_model_and_its_episode_records_it()
    {
        using var night = await NightRepo.CreateAsync();
        var asked = new ConcurrentBag<(string Cluster, string Model)>();
        await using var server = await LoopbackServer.StartAsync((request, _) =>
        {
            var cluster = ClusterKey().Match(request.Body).Value;
            asked.Add((cluster, request.Json.GetProperty("model").GetString()!));
            return OpenAIWire.ToolCall(request.WantsStream, "call_finish", "finish", new { summary = "Nothing I can do here." }, 50, 5);
        });
        var config = await File.ReadAllTextAsync(night.Repo["nightshift.yml"]);
        night.Repo.Write("nightshift.yml", config.Replace(
            "agent:\n  provider: suggest\n",
            $"""
            agent:
              provider: openai
              model: base-model
              base_url: {new Uri(server.BaseUrl, "v1")}
              routes:
                E0308|E0599: types
                rustc:error:E0277: traits

            """,
            StringComparison.Ordinal));
        await night.Repo.CommitAllAsync("routes");

        var result = await CliRun.InProcessAsync(night.Path, ["run", "--json"]);

        result.ExitCode.Should().Be(0, result.Err);
        asked.Should().BeEquivalentTo(
            [("rustc:error:E0308", "types"), ("rustc:error:E0599", "types"), ("rustc:error:E0277", "traits"), ("rustc:error:E0596", "base-model")],
            "the first route a cluster's code or key matches names its model; an unrouted cluster asks for agent.model");
        await using var journal = Journal.Open(NightshiftPaths.For(night.Path).Journal);
        var episodes = await new EpisodeJournal(journal).ReadAsync(EpisodeQuery.All, CancellationToken.None);
        episodes.Select(e => (e.Task.Key, e.Model)).Should().BeEquivalentTo(
            [("rustc:error:E0308", "types"), ("rustc:error:E0599", "types"), ("rustc:error:E0277", "traits"), ("rustc:error:E0596", "base-model")]);
        var session = JsonNode.Parse(result.Out)!["session"]!.GetValue<long>();
        (await journal.GetSessionAsync(session, CancellationToken.None))!.Model.Should().Be("base-model");
    }

    [GeneratedRegex(@"rustc:error:E\d{4}")]
    private static partial Regex ClusterKey();
}
