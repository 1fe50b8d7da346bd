using Nightshift.Configuration;
using Nightshift.Configuration.Reading;

namespace Nightshift.Agents;

/// <summary>
/// Which agent tries a cluster next (<c>agent.ladder: [suggest, openai]</c>): the rungs in the configured
/// order, cheapest first; each rung gets <see cref="AttemptsPerRung"/> attempts, and every rejected attempt
/// moves the cluster toward the next rung. Past the last rung the cluster has had all its chances. Pure
/// logic: the session counts the rejections, the ladder only answers.
/// </summary>
public sealed class Ladder
{
    public Ladder(IEnumerable<LadderRung> rungs, int attemptsPerRung = 1)
    {
        ArgumentNullException.ThrowIfNull(rungs);
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsPerRung, 1);
        Rungs = [.. rungs];
        if (Rungs.Count == 0)
        {
            throw new ArgumentException("A ladder needs at least one rung.", nameof(rungs));
        }

        AttemptsPerRung = attemptsPerRung;
    }

    public IReadOnlyList<LadderRung> Rungs { get; }

    public int AttemptsPerRung { get; }

    /// <summary>How many attempts a cluster gets in all.</summary>
    public int MaxAttempts => Rungs.Count * AttemptsPerRung;

    /// <summary>
    /// The ladder of <paramref name="providers"/> (<see cref="AgentConfig.EffectiveLadder"/>), each rung
    /// named as in nightshift.yml and made by <paramref name="create"/>.
    /// </summary>
    public static Ladder FromProviders(IEnumerable<AgentProvider> providers, Func<AgentProvider, IAgent> create, int attemptsPerRung = 1)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(create);
        return new Ladder(providers.Select(p => new LadderRung(WireNames.Name(p), () => create(p))), attemptsPerRung);
    }

    /// <summary>
    /// The rung for a cluster's attempt number <paramref name="attempt"/>, counted from 0: the number of its
    /// attempts rejected so far. Null once the ladder is exhausted.
    /// </summary>
    public LadderRung? RungFor(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var index = attempt / AttemptsPerRung;
        return index < Rungs.Count ? Rungs[index] : null;
    }
}
