using System.Text.RegularExpressions;
using Nightshift.Attempts.Episodes;
using Nightshift.Configuration;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>
/// Splits a dataset by task family (<c>agent.routes</c>), so that a trainer can train one adapter per family and the
/// night can route each family to its own (<c>nightshift dataset build --per-family</c>). An example from an episode is
/// in the family of the first route matching its task key, a koan's category, the codes it started from, or the model
/// that produced it; a replay line, which has no episode, in the family of the first route one of whose names it
/// mentions as a word. Examples of no route are in <see cref="Other"/>.
/// </summary>
public static partial class DatasetFamilies
{
    /// <summary>The family of the examples no route matches.</summary>
    public const string Other = "other";

    /// <summary>The examples of each family, in dataset order, families in the order of their first example.</summary>
    /// <remarks>A family's counts are of the examples it holds; what the whole build read and left out is in the whole dataset's manifest.</remarks>
    public static IReadOnlyList<(string Family, Dataset Dataset)> Split(
        Dataset dataset, IReadOnlyList<Episode> episodes, IReadOnlyList<AgentRoute> routes, KoanSet? koans)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(routes);
        var byId = episodes.ToDictionary(e => e.Id);
        var categories = koans?.Koans.ToDictionary(k => k.Id, k => k.Category, StringComparer.Ordinal) ?? [];
        return [.. dataset.Examples
            .GroupBy(example => FamilyOf(example, byId, routes, categories))
            .Select(group => (group.Key, new Dataset([.. group], CountsOf([.. group]))))];
    }

    private static string FamilyOf(
        DatasetExample example, Dictionary<long, Episode> episodes, IReadOnlyList<AgentRoute> routes, Dictionary<string, string> categories)
    {
        if (example.EpisodeId is { } id && episodes.TryGetValue(id, out var episode))
        {
            var names = new[] { episode.Task.Key, categories.GetValueOrDefault(episode.Task.Key ?? "") }
                .Concat(episode.DiagnosticsBefore.Select(d => d.Code))
                .Append(episode.Model);
            return AgentRoute.For(routes, names)?.Model ?? Other;
        }

        var words = Word().Matches(example.Example.Text).Select(m => m.Value);
        return AgentRoute.For(routes, words)?.Model ?? Other;
    }

    private static DatasetCounts CountsOf(IReadOnlyList<DatasetExample> examples) => new(
        Episodes: examples.Count(e => e.EpisodeId is not null),
        ExcludedEval: 0,
        FailedThenFixed: examples.Count(e => e.Reason == ExampleReason.FailedThenFixed),
        ErrorsFixed: examples.Count(e => e.Reason == ExampleReason.ErrorsFixed),
        Duplicates: 0,
        ReplayAvailable: 0,
        ReplayExcludedEval: 0,
        ReplayDuplicates: 0,
        Replay: examples.Count(e => e.Reason == ExampleReason.Replay));

    // A code (E0382), a key (rustc:error:E0382) or a family name (result-option) as it appears in text.
    [GeneratedRegex(@"[\w.:-]+")]
    private static partial Regex Word();
}
