using Nightshift.Attempts.Episodes;

namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>
/// Curates episodes into a supervised fine-tuning set. An example is an accepted attempt with a diff that
/// is worth learning from: its task had a rejected attempt before it (failed, then fixed), or it started
/// from errors. Eval material never gets in (<see cref="EvalGuard"/>); near-duplicates are dropped, the
/// oldest kept (<see cref="NearDuplicates"/>); then replay examples are mixed in at the configured ratio.
/// </summary>
public sealed partial class DatasetBuilder(EvalGuard guard)
{
    /// <param name="episodes">Episodes in journal order (oldest first): "before" means a lower id.</param>
    /// <param name="replay">Earlier data to mix in, or null.</param>
    /// <param name="options">Ratio, seed and duplicate threshold.</param>
    public Dataset Build(IReadOnlyList<Episode> episodes, ReplayBuffer? replay, DatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var duplicates = new NearDuplicates(options.DuplicateThreshold);
        var rejectedTasks = new HashSet<string>(StringComparer.Ordinal);
        var examples = new List<DatasetExample>();
        int excluded = 0, failedThenFixed = 0, errorsFixed = 0, duplicateCount = 0;
        foreach (var episode in episodes.OrderBy(e => e.Id))
        {
            if (guard.IsEval(episode))
            {
                excluded++;
                continue;
            }

            if (episode.Outcome == EpisodeOutcome.Rejected)
            {
                rejectedTasks.Add(episode.TaskId);
                continue;
            }

            if (Reason(episode, rejectedTasks) is not { } reason)
            {
                continue;
            }

            var example = ExamplePrompt.For(episode);
            if (!duplicates.TryAdd(example.Text))
            {
                duplicateCount++;
                continue;
            }

            examples.Add(new DatasetExample(example, reason, episode.Id, episode.TaskId, null));
            if (reason == ExampleReason.FailedThenFixed)
            {
                failedThenFixed++;
            }
            else
            {
                errorsFixed++;
            }
        }

        var (drawn, replayExcluded, replayDuplicates) = Draw(replay, options, examples.Count, duplicates);
        examples.AddRange(drawn);
        return new Dataset(
            examples,
            new DatasetCounts(
                episodes.Count, excluded, failedThenFixed, errorsFixed, duplicateCount,
                replay?.Examples.Count ?? 0, replayExcluded, replayDuplicates, drawn.Count));
    }

    private static ExampleReason? Reason(Episode episode, HashSet<string> rejectedTasks)
    {
        if (!episode.IsAccepted || string.IsNullOrWhiteSpace(episode.Diff))
        {
            return null;
        }

        if (rejectedTasks.Contains(episode.TaskId))
        {
            return ExampleReason.FailedThenFixed;
        }

        return episode.DiagnosticsBefore.Any(d => d.IsError) ? ExampleReason.ErrorsFixed : null;
    }

    private (List<DatasetExample> Drawn, int Excluded, int Duplicates) Draw(
        ReplayBuffer? replay, DatasetOptions options, int newExamples, NearDuplicates duplicates)
    {
        var drawn = new List<DatasetExample>();
        if (replay is null)
        {
            return (drawn, 0, 0);
        }

        var eligible = replay.Examples.Where(e => !guard.Mentions(e.Example.Text)).ToArray();
        var excluded = replay.Examples.Count - eligible.Length;
        new Random(options.Seed).Shuffle(eligible);
        var wanted = options.ReplayCountFor(newExamples);
        var skipped = 0;
        foreach (var (line, example) in eligible)
        {
            if (drawn.Count == wanted)
            {
                break;
            }

            if (duplicates.TryAdd(example.Text))
            {
                drawn.Add(new DatasetExample(example, ExampleReason.Replay, null, null, line));
            }
            else
            {
                skipped++;
            }
        }

        return (drawn, excluded, skipped);
    }
}
