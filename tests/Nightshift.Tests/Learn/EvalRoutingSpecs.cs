using System.Collections.Concurrent;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Tests.Agents.BuiltIn;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Learn;

/// <summary>
/// Routing by family in an eval: each koan's category (or the codes it starts from) picks its route's model, asked of a
/// loopback server in the OpenAI wire format; a koan no route matches asks for <c>agent.model</c>.
/// </summary>
public sealed class EvalRoutingSpecs
{
    private static readonly string[] _koans = ["borrow-use-after-move", "traits-partialeq-compare", "option-match-exhaustive"];

    [Fact(Timeout = 300_000)]
    public async Task Each_koan_asks_for_its_familys_model_and_its_episode_records_it()
    {
        using var repo = new TempDir("eval-routes");
        TestKoans.EvalOnly(repo, _koans);
        var asked = new ConcurrentBag<(string Koan, string Model)>();
        await using var server = await LoopbackServer.StartAsync((request, _) =>
        {
            asked.Add((_koans.Single(k => request.Body.Contains(k, StringComparison.Ordinal)), request.Json.GetProperty("model").GetString()!));
            return OpenAIWire.ToolCall(request.WantsStream, "call_finish", "finish", new { summary = "Nothing I can do here." }, 50, 5);
        });
        repo.Write("nightshift.yml", $"""
            version: 1
            agent:
              provider: openai
              model: base-model
              base_url: {new Uri(server.BaseUrl, "v1")}
              routes:
                borrow: borrow-adapter
                E0369|E0277: traits-adapter
            """);

        var result = await CliRun.InProcessAsync(repo.Path, ["eval", "--koans", "koans", "--jobs", "1"]);

        result.ExitCode.Should().Be(0, result.Err);
        asked.Should().BeEquivalentTo(
            [("borrow-use-after-move", "borrow-adapter"), ("traits-partialeq-compare", "traits-adapter"), ("option-match-exhaustive", "base-model")],
            "a koan's category or the code it starts from picks its route; the rest ask for agent.model");
        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        var episodes = await new EpisodeJournal(journal).ReadAsync(EpisodeQuery.All, CancellationToken.None);
        episodes.Select(e => (e.Task.Key, e.Model)).Should().BeEquivalentTo(
            [("borrow-use-after-move", "borrow-adapter"), ("traits-partialeq-compare", "traits-adapter"), ("option-match-exhaustive", "base-model")]);
    }
}
