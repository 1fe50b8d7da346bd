using Nightshift.Agents;
using Nightshift.Agents.Local;
using Nightshift.Configuration;

namespace Nightshift.Tests.Agents;

public sealed class LadderSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task The_cheapest_rung_goes_first_and_each_rejection_climbs_one_rung_until_the_ladder_is_exhausted()
    {
        var ladder = new Ladder([Rung("suggest"), Rung("openai")]);

        ladder.RungFor(0)!.Name.Should().Be("suggest");
        ladder.RungFor(1)!.Name.Should().Be("openai");
        ladder.RungFor(2).Should().BeNull();
        ladder.MaxAttempts.Should().Be(2);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task With_several_attempts_per_rung_a_rung_is_left_only_after_all_of_its_attempts_are_rejected()
    {
        var ladder = new Ladder([Rung("suggest"), Rung("command"), Rung("anthropic")], attemptsPerRung: 2);

        Enumerable.Range(0, 7).Select(k => ladder.RungFor(k)?.Name)
            .Should().Equal("suggest", "suggest", "command", "command", "anthropic", "anthropic", null);
        ladder.MaxAttempts.Should().Be(6);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_ladder_from_configured_providers_names_rungs_as_nightshift_yml_does_and_makes_a_fresh_agent_per_attempt()
    {
        var made = new List<AgentProvider>();
        var ladder = Ladder.FromProviders(
            new AgentConfig { Ladder = [AgentProvider.Suggest, AgentProvider.OpenAI] }.EffectiveLadder,
            provider =>
            {
                made.Add(provider);
                return new SuggestAgent();
            });

        ladder.Rungs.Select(r => r.Name).Should().Equal("suggest", "openai");
        made.Should().BeEmpty("agents are made per attempt, not up front");
        var first = ladder.RungFor(0)!.Create();
        var again = ladder.RungFor(0)!.Create();
        ladder.RungFor(1)!.Create();
        first.Should().NotBeSameAs(again);
        made.Should().Equal(AgentProvider.Suggest, AgentProvider.Suggest, AgentProvider.OpenAI);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_single_provider_is_a_ladder_of_one_rung()
    {
        var ladder = Ladder.FromProviders(new AgentConfig { Provider = AgentProvider.Command }.EffectiveLadder, _ => new SuggestAgent());

        ladder.Rungs.Should().ContainSingle().Which.Name.Should().Be("command");
        ladder.RungFor(1).Should().BeNull();
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_empty_ladder_and_a_negative_attempt_are_programming_errors()
    {
        var empty = () => new Ladder([]);
        var ladder = new Ladder([Rung("suggest")]);
        var negative = () => ladder.RungFor(-1);

        empty.Should().Throw<ArgumentException>();
        negative.Should().Throw<ArgumentOutOfRangeException>();
        await Task.CompletedTask;
    }

    private static LadderRung Rung(string name) => new(name, () => new SuggestAgent());
}
