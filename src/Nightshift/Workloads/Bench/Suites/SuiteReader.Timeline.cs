using Nightshift.Configuration.Reading;

namespace Nightshift.Workloads.Bench.Suites;

internal sealed partial class SuiteReader
{
    private static readonly string[] _phaseKeys = ["name", "levels", "repeat", "budget"];

    private List<BenchPhase> ReadTimeline(MappingReader root, IReadOnlyList<BenchTask> tasks, int repeat)
    {
        var phases = new List<BenchPhase>();
        switch (root.Node("timeline"))
        {
            case null:
                break;
            case SequenceNode { Items.Count: 0 } empty:
                _errors.Add(empty, "timeline", "the timeline has no phases; leave the key out to run every task 'repeat' times");
                break;
            case SequenceNode sequence:
                var levels = tasks.Select(t => t.Level).Distinct(StringComparer.Ordinal).ToArray();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var path = KeyPath.Item("timeline", i);
                    if (sequence.Items[i] is not MappingNode item)
                    {
                        _errors.Add(sequence.Items[i], path, $"expected a phase (levels, repeat, budget), got {sequence.Items[i].Kind}", _phaseKeys, "keys");
                        continue;
                    }

                    if (ReadPhase(MappingReader.At(_errors, item, path, _phaseKeys), levels, repeat) is { } phase)
                    {
                        phases.Add(phase);
                    }
                }

                break;
            case var other:
                _errors.Add(other, "timeline", $"expected a list of phases, such as [{{levels: [L1, L2], repeat: 10, budget: 2h}}], got {other.Kind}");
                break;
        }

        return phases;
    }

    private BenchPhase? ReadPhase(MappingReader phase, IReadOnlyList<string> knownLevels, int repeat)
    {
        if (!phase.Has("levels"))
        {
            phase.Missing("levels", "say which task levels this phase runs, such as [L3, L4]", knownLevels);
            return null;
        }

        if (phase.TextList("levels", "level", allowSingle: true) is not { } levels)
        {
            return null;
        }

        var node = phase.Node("levels")!;
        var valid = levels.Count > 0;
        if (!valid)
        {
            phase.Problem("levels", "the list of levels is empty");
        }

        for (var i = 0; i < levels.Count; i++)
        {
            // Only known levels: a typo here would silently make a phase of nothing.
            if (!knownLevels.Contains(levels[i]))
            {
                var itemNode = node is SequenceNode sequence ? sequence.Items[i] : node;
                var itemPath = node is SequenceNode ? KeyPath.Item(phase.KeyPathOf("levels"), i) : phase.KeyPathOf("levels");
                _errors.Add(itemNode, itemPath, $"no task has level '{levels[i]}'", knownLevels, "levels", Suggestions.Closest(levels[i], knownLevels));
                valid = false;
            }
        }

        var phaseRepeat = phase.Integer("repeat", 1) ?? repeat;
        var budget = phase.Duration("budget");
        return valid ? new BenchPhase(phase.Text("name") ?? string.Join('+', levels), levels, phaseRepeat, budget) : null;
    }
}
