using Nightshift.Agents;
using Nightshift.Configuration;
using Nightshift.Store;
using Nightshift.Telemetry.Events;
using Nightshift.Workloads.Learn.Datasets;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Gates;
using Nightshift.Workloads.Learn.Koans;
using Nightshift.Workloads.Learn.Metrics;
using Nightshift.Workloads.Learn.Training;

namespace Nightshift.Workloads.Learn.Cycles;

public sealed partial class LearnLoop
{
    private async Task<CycleResult> RunCycleAsync(
        LearnRun run, TrainConfig train, int cycle, EvalReport baseline, Current? current, CancellationToken cancellationToken)
    {
        var options = run.Options;
        if (options.Day)
        {
            await PracticeAsync(run, cycle, current?.Report.Model, cancellationToken).ConfigureAwait(false);
        }

        var folder = Path.Combine(ModelsRoot, $"{run.Stamp}-c{cycle}");
        run.Report(new LearnPhaseStarted($"building the dataset in {folder}") { Cycle = cycle });
        var replay = current?.Dataset is { } previous && File.Exists(previous) ? previous : null;
        var manifest = await new DatasetBuilder(_guard).BuildAsync(
            _journal,
            replay,
            new DatasetOptions { ReplayRatio = options.ReplayRatio, Seed = options.Seed, DuplicateThreshold = options.DuplicateThreshold },
            Path.Combine(folder, "dataset.jsonl"),
            _clock.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);
        if (manifest.Counts.New == 0)
        {
            var empty = Gate.Without("nothing to learn: no accepted fix in the journal followed a failure or started from errors");
            await RecordGateAsync(run, cycle, null, empty, baseline, current, manifest.Dataset, cancellationToken).ConfigureAwait(false);
            return new CycleResult(cycle, manifest, null, null, empty);
        }

        run.Report(new LearnPhaseStarted($"training on {manifest.Counts.Total} example(s): {train.Command}") { Cycle = cycle });
        var training = await new Trainer(_runner).RunAsync(
            train,
            _repositoryRoot,
            manifest.Dataset,
            Path.Combine(folder, "model"),
            Path.Combine(folder, "train.log"),
            run.Progress is null ? null : new TrainingProgress(run.Progress, cycle),
            cancellationToken).ConfigureAwait(false);
        await RecordAsync(
            run, TrainingRecord.From(training, manifest.Sha256, manifest.Counts.Total, _clock.GetUtcNow(), cycle), cancellationToken)
            .ConfigureAwait(false);
        if (!training.Succeeded)
        {
            var failed = Gate.Without($"training failed: {training.Error}");
            await RecordGateAsync(run, cycle, null, failed, baseline, current, manifest.Dataset, cancellationToken).ConfigureAwait(false);
            return new CycleResult(cycle, manifest, training, null, failed);
        }

        var candidate = await EvaluateAsync(run, cycle, "candidate", training.ModelId, cancellationToken).ConfigureAwait(false);
        if (ContinualMetrics.Of(run.Records.OfType<EvalRecord>()).LastOrDefault(c => c.Cycle == cycle) is { } figures)
        {
            run.Report(new LearnContinualMeasured(figures) { Cycle = cycle });
        }

        var decision = Gate.Decide(
            GateScore.Of(candidate), GateScore.Of(baseline), current is null ? null : GateScore.Of(current.Report), options.Margin);
        await RecordGateAsync(run, cycle, candidate, decision, baseline, current, manifest.Dataset, cancellationToken).ConfigureAwait(false);
        return new CycleResult(cycle, manifest, training, candidate, decision);
    }

    /// <summary>
    /// The day: the model being improved (the promoted one, else the agent as configured) on every train koan, k times,
    /// each run an attempt of this learn session with its episode, before the dataset is built from the journal.
    /// </summary>
    private async Task<IReadOnlyList<EvalRun>> PracticeAsync(LearnRun run, int? cycle, string? model, CancellationToken cancellationToken)
    {
        var train = _koans.Train.ToList();
        if (train.Count == 0)
        {
            return [];
        }

        run.Report(new LearnPhaseStarted($"day: {model ?? "the configured agent"} on {train.Count} train koan(s)") { Cycle = cycle });
        var evaluator = new KoanEvaluator(_journal, new KoanToolchain(_runner), _runner, _guard);
        var progress = run.Progress is null ? null : new EvalProgress(run.Progress, cycle, "day");
        var agent = _agents(model);
        IReadOnlyList<EvalRun> runs;
        try
        {
            runs = await evaluator.PracticeAsync(agent, model, run.SessionId, Workload, train, run.Options.Eval, progress, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            await agent.ReleaseAsync().ConfigureAwait(false);
        }

        await RecordAsync(run, DayRecord.From(runs, model, agent.Name, run.SessionId, _clock.GetUtcNow(), cycle), cancellationToken).ConfigureAwait(false);
        return runs;
    }

    /// <summary>Records the gate's decision; a promotion is journaled too, and from then on it is the model being improved.</summary>
    private async Task RecordGateAsync(
        LearnRun run,
        int cycle,
        EvalReport? candidate,
        GateDecision decision,
        EvalReport baseline,
        Current? current,
        string dataset,
        CancellationToken cancellationToken)
    {
        var record = new GateRecord
        {
            At = _clock.GetUtcNow(),
            Cycle = cycle,
            Candidate = candidate?.Model,
            Decision = decision.Name,
            Reasons = decision.Reasons,
            Checks = decision.Checks,
            CandidateScore = candidate is null ? null : GateScore.Of(candidate),
            Baseline = GateScore.Of(baseline),
            Promoted = current is null ? null : GateScore.Of(current.Report),
            Margin = run.Options.Margin,
            EvalSetHash = _koans.EvalSetHash,
            Dataset = dataset,
        };
        await RecordAsync(run, record, cancellationToken).ConfigureAwait(false);
        if (decision.IsPromoted && candidate?.Model is { } model)
        {
            var metrics = EventJson.ToJournal(run.SessionId, record).PayloadJson ?? "{}";
            await _journal.RecordPromotionAsync(new NewPromotion(run.SessionId, model, dataset, candidate.PassRate, metrics), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private sealed class TrainingProgress(IProgress<LearnEvent> progress, int cycle) : IProgress<TrainingLine>
    {
        public void Report(TrainingLine value) => progress.Report(new LearnTrainingOutput(value) { Cycle = cycle });
    }
}
