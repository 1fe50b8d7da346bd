using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Statistics;

namespace Nightshift.Workloads.Bench.Running;

internal sealed partial class BenchSession
{
    /// <summary>Writes the run's file (atomically: its existence means "done"), then the manifest, then tells the caller.</summary>
    private void Record(RunRecord record)
    {
        BenchEvent.RunFinished finished;
        lock (_lock)
        {
            _store.WriteRun(_manifest.Id, record);
            _records[record.Run] = record;
            WriteManifest();
            finished = new BenchEvent.RunFinished(record, _records.Count, Planned);
        }

        Report(finished);
    }

    /// <summary>Rewrites bench.json; callers hold <c>_lock</c>.</summary>
    private void WriteManifest()
    {
        _manifest = Snapshot();
        _store.WriteManifest(_manifest);
    }

    /// <summary>The manifest as of now: finished runs in plan order (not finishing order), so two benches of one plan compare line by line.</summary>
    private BenchManifest Snapshot()
    {
        var runs = _plan.SelectMany(p => p.Runs)
            .Select(r => _records.TryGetValue(r.Id, out var record) ? record with { Acceptance = null } : null)
            .OfType<RunRecord>()
            .ToArray();
        var agents = _plan.SelectMany(p => p.Runs).Select(r => r.Agent.Name).Distinct(StringComparer.Ordinal).ToArray();
        return _manifest with
        {
            Agents = agents,
            Tasks = [.. _suite.Tasks.Select(t => new TaskInfo(t.Id, t.Level))],
            Phases = [.. _plan.Select(p => new PhaseOutcome(
                p.Phase.Name,
                p.Phase.Levels,
                p.Phase.Repeat,
                p.Phase.Budget?.TotalMilliseconds,
                p.Runs.Count,
                p.Runs.Count(r => _records.ContainsKey(r.Id)),
                _budgetUsed.GetValueOrDefault(p.Phase.Name)))],
            Planned = Planned,
            Runs = runs,
            Summary = BenchSummary.Compute(runs, agents),
        };
    }

    private void Report(BenchEvent benchEvent)
    {
        if (_onEvent is null)
        {
            return;
        }

        // Workers report from several threads; the renderer gets one event at a time.
        lock (_reportLock)
        {
            _onEvent(benchEvent);
        }
    }
}
