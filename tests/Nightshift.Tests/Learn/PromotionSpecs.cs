using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Tests.Agents.BuiltIn;
using Nightshift.Tests.BurnDown;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Learn;

/// <summary>
/// Promotion that sticks: a learn cycle from an empty journal (the replay agent, a fake trainer) promotes a model, and with
/// <c>learn.promote_to: agent</c> the next <c>nightshift run</c> asks the model endpoint (a loopback server speaking the
/// OpenAI wire format) for that model; after <c>nightshift learn rollback</c> it asks for <c>agent.model</c> again.
/// </summary>
public sealed class PromotionSpecs
{
    [Fact(Timeout = 600_000)]
    public async Task After_a_promotion_the_night_asks_for_the_promoted_model_and_after_a_rollback_for_the_configured_one()
    {
        using var night = await NightRepo.CreateAsync();
        using var koans = new TempDir("promotion-koans");
        TestKoans.Split(koans, train: ["traits-partialeq-compare"], eval: ["option-match-exhaustive"]);
        var recording = ReplayModels.Recording(koans, "agent", "traits-partialeq-compare", "option-match-exhaustive");
        var models = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync((request, _) =>
        {
            models.Enqueue(request.Json.GetProperty("model").GetString()!);
            return OpenAIWire.ToolCall(request.WantsStream, "call_finish", "finish", new { summary = "Nothing I can do here." }, 50, 5);
        });
        var config = await File.ReadAllTextAsync(night.Repo["nightshift.yml"]);
        night.Repo.Write("nightshift.yml", config.Replace(
            "agent:\n  provider: suggest\n",
            $"agent:\n  provider: openai\n  model: base-model\n  base_url: {new Uri(server.BaseUrl, "v1")}\n  retries: 0\nlearn:\n  promote_to: agent\n",
            StringComparison.Ordinal));
        night.Repo.Write("learn.yml", $"""
            version: 1
            agent:
              provider: replay
              replay: {recording}
            learn:
              train:
                command: [sh, -c, 'mkdir -p "$1" && echo loss=0.4 && echo model: tuned-1', sh, "{"{output}"}"]
            """);
        await night.Repo.CommitAllAsync("a model endpoint, and a learn configuration");

        var learn = await CliRun.InProcessAsync(night.Path, ["learn", "--config", "learn.yml", "--koans", koans["koans"], "--json"]);

        learn.ExitCode.Should().Be(0, learn.Err);
        JsonNode.Parse(learn.Out)!["promoted"]!.GetValue<string>().Should().Be("tuned-1");
        await using (var journal = Journal.Open(NightshiftPaths.For(night.Path).Journal))
        {
            var episodes = await new EpisodeJournal(journal).ReadAsync(EpisodeQuery.All, CancellationToken.None);
            episodes.Where(e => e.Workload == "learn").Select(e => e.Task.Key).Should().Equal(["traits-partialeq-compare"], "the day phase ran the train koan");
            var promotion = await journal.CurrentPromotionAsync(CancellationToken.None);
            promotion!.Model.Should().Be("tuned-1");
            promotion.PassRate.Should().Be(1.0);
            promotion.Dataset.Should().NotBeNull();
            (await File.ReadAllTextAsync(promotion.Dataset!)).Should().Contain("PartialEq").And.NotContain("option-match-exhaustive");
        }

        var promoted = await CliRun.InProcessAsync(night.Path, ["run", "--json"]);

        promoted.ExitCode.Should().Be(0, promoted.Err);
        promoted.Err.Should().Contain("agent: the promoted model tuned-1 (promoted ");
        models.Should().HaveCount(4, "one attempt per cluster").And.OnlyContain(m => m == "tuned-1");
        var first = JsonNode.Parse(promoted.Out)!["session"]!.GetValue<long>();
        (await SessionModelAsync(night, first)).Should().Be("tuned-1");
        var report = await CliRun.InProcessAsync(night.Path, ["report", "--session", first.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        report.Out.Should().Contain("- Model: tuned-1");
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(night.NightshiftDirectory, "status.json")))!["model"]!.GetValue<string>().Should().Be("tuned-1");
        (await CliRun.InProcessAsync(night.Path, ["status"])).Out.Should().Contain("Model").And.Contain("tuned-1");

        var rollback = await CliRun.InProcessAsync(night.Path, ["learn", "rollback", "--reason", "worse at night"]);

        rollback.ExitCode.Should().Be(0, rollback.Err);
        rollback.Out.Should().Contain("rolled back tuned-1").And.Contain("workloads use agent.model base-model as configured");
        models.Clear();
        var configured = await CliRun.InProcessAsync(night.Path, ["run", "--json"]);

        configured.ExitCode.Should().Be(0, configured.Err);
        configured.Err.Should().Contain("agent: no model is promoted yet; using agent.model base-model as configured");
        models.Should().HaveCount(4).And.OnlyContain(m => m == "base-model");
        (await SessionModelAsync(night, JsonNode.Parse(configured.Out)!["session"]!.GetValue<long>())).Should().Be("base-model");
        var again = await CliRun.InProcessAsync(night.Path, ["learn", "rollback"]);
        again.ExitCode.Should().Be(1);
        again.Out.Should().Contain("nothing to roll back");
    }

    [Fact(Timeout = 120_000)]
    public async Task Agent_model_promoted_without_a_promotion_is_a_configuration_error_that_says_what_to_do()
    {
        using var night = await NightRepo.CreateAsync();
        var config = await File.ReadAllTextAsync(night.Repo["nightshift.yml"]);
        night.Repo.Write("nightshift.yml", config.Replace(
            "agent:\n  provider: suggest\n", "agent:\n  provider: openai\n  model: promoted\n  base_url: http://127.0.0.1:9/v1\n", StringComparison.Ordinal));
        await night.Repo.CommitAllAsync("promoted");

        var result = await CliRun.InProcessAsync(night.Path, ["run"]);

        result.ExitCode.Should().Be(2, result.Err);
        result.Err.Should().Contain("agent.model is 'promoted', and no model is promoted").And.Contain("learn: { promote_to: agent }");
        var learn = await CliRun.InProcessAsync(night.Path, ["learn", "day", "--koans", "koans"]);
        learn.ExitCode.Should().Be(2);
        learn.Err.Should().Contain("holds every candidate against agent.model");
    }

    private static async Task<string?> SessionModelAsync(NightRepo night, long session)
    {
        await using var journal = Journal.Open(NightshiftPaths.For(night.Path).Journal);
        return (await journal.GetSessionAsync(session, CancellationToken.None))!.Model;
    }
}
