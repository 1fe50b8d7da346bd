using System.Globalization;
using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Store;

namespace Nightshift.Agents;

/// <summary>
/// Promotion that sticks: with <c>agent.model: promoted</c> or <c>learn.promote_to: agent</c>, every workload's agents ask
/// for the model <c>nightshift learn</c> promoted last (the journal's latest promotion not rolled back) instead of the
/// configured one. Applied once, where a workload's configuration is loaded, before its agents are made.
/// </summary>
public static class PromotedModel
{
    /// <summary>
    /// The configuration the workload runs with: <paramref name="config"/> with <c>agent.model</c> replaced by the promoted
    /// model when promotion applies and one stands; as it is otherwise. <paramref name="notice"/> is told which model is used
    /// and why whenever promotion applies.
    /// </summary>
    /// <exception cref="ConfigException"><c>agent.model</c> is <c>promoted</c> and no model is promoted.</exception>
    public static async Task<NightshiftConfig> ApplyAsync(NightshiftConfig config, Action<string> notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(notice);
        var agent = config.Agent;
        if (!agent.WantsPromotedModel && config.Learn.PromoteTo != PromotionTarget.Agent)
        {
            return config;
        }

        var promotion = await CurrentAsync(config, cancellationToken).ConfigureAwait(false);
        if (promotion is not null)
        {
            notice(string.Create(
                CultureInfo.InvariantCulture,
                $"agent: the promoted model {promotion.Model} (promoted {promotion.PromotedAt:yyyy-MM-dd HH:mm} UTC by learn session {promotion.SessionId}, pass rate {promotion.PassRate:P0})"));
            return config with { Agent = agent with { Model = promotion.Model } };
        }

        if (agent.WantsPromotedModel)
        {
            throw new ConfigException(
                $"{config.FilePath}: agent.model is '{AgentConfig.PromotedModel}', and no model is promoted in this repository's journal " +
                "('nightshift learn' promotes one; 'nightshift learn rollback' may have retired the last). Set agent.model to the model to " +
                "use until one is promoted, with 'learn: { promote_to: agent }' to switch to a promoted model once there is one.");
        }

        notice($"agent: no model is promoted yet; using agent.model {agent.Model ?? "(none)"} as configured");
        return config;
    }

    /// <summary>The promotion that stands in the repository's journal; null without a journal or a promotion.</summary>
    public static async Task<PromotionRow?> CurrentAsync(NightshiftConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = NightshiftPaths.For(config.RepositoryRoot).Journal;
        if (!File.Exists(path))
        {
            return null;
        }

        await using var journal = Journal.Open(path);
        return await journal.CurrentPromotionAsync(cancellationToken).ConfigureAwait(false);
    }
}
