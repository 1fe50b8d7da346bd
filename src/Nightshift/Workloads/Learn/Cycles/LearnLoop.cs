using System.Globalization;
using Nightshift.Agents;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Telemetry.Events;
using Nightshift.Workloads.Learn.Datasets;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Koans;
using Nightshift.Workloads.Learn.Metrics;

namespace Nightshift.Workloads.Learn.Cycles;

/// <summary>
/// <c>nightshift learn</c>: evaluate the configured agent (the baseline) and the model an earlier run promoted,
/// then for each cycle run the day phase (the model being improved on the train koans, recorded as episodes), build a
/// dataset from the journal (replaying the promoted model's data), train a candidate, evaluate it on the frozen eval
/// koans and let the <see cref="Gates.Gate"/> promote it or roll it back. Every day, eval, training run and decision
/// is appended to metrics.jsonl and journaled as an event of a
/// <c>learn</c> session. A cycle's files (dataset, manifest, log, <c>{output}</c>) live in one folder under
/// <c>learn.train.output</c> (default <c>.nightshift/models</c>).
/// </summary>
public sealed partial class LearnLoop
{
    /// <summary>The journal's name of a learn session, on its day phase's attempts and episodes too.</summary>
    public const string Workload = "learn";

    private readonly Journal _journal;
    private readonly KoanSet _koans;
    private readonly TrainConfig? _train;
    private readonly string _repositoryRoot;
    private readonly ProcessRunner _runner;
    private readonly Func<string?, IAgent> _agents;
    private readonly TimeProvider _clock;
    private readonly MetricsLog _metrics;
    private readonly EvalGuard _guard;

    /// <param name="journal">Where episodes come from and sessions, attempts and events go.</param>
    /// <param name="koans">The koan set whose eval koans judge every model.</param>
    /// <param name="train">The trainer (<c>learn.train</c>); null for a loop that only runs the day phase (<see cref="DayAsync"/>).</param>
    /// <param name="repositoryRoot">Where the trainer runs and .nightshift lives.</param>
    /// <param name="runner">Runs the trainer, rustc and git.</param>
    /// <param name="agents">The agent for a model id (null: the configured model).</param>
    /// <param name="clock">Stamps records and names cycle folders.</param>
    public LearnLoop(
        Journal journal,
        KoanSet koans,
        TrainConfig? train,
        string repositoryRoot,
        ProcessRunner runner,
        Func<string?, IAgent> agents,
        TimeProvider? clock = null)
    {
        _journal = journal;
        _koans = koans;
        _train = train;
        _repositoryRoot = repositoryRoot;
        _runner = runner;
        _agents = agents;
        _clock = clock ?? TimeProvider.System;
        _metrics = new MetricsLog(NightshiftPaths.For(repositoryRoot).Metrics);
        _guard = new EvalGuard(koans);
    }

    /// <summary>The folder that holds every cycle's files: <c>train.output</c> (relative to the repository), else the default.</summary>
    public string ModelsRoot => _train?.Output is { } output ? Path.GetFullPath(output, _repositoryRoot) : NightshiftPaths.For(_repositoryRoot).Models;

    public Task<LearnReport> RunAsync(LearnOptions options, IProgress<LearnEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Cycles, 1);
        var train = _train ?? throw new InvalidOperationException("A learn cycle trains: this loop was made without learn.train.");
        return InSessionAsync(options, progress, async run =>
        {
            var earlier = await LastPromotionAsync(cancellationToken).ConfigureAwait(false);
            var baseline = await EvaluateAsync(run, null, "baseline", options.BaselineModel, cancellationToken).ConfigureAwait(false);
            Current? current = null;
            EvalReport? promotedBefore = null;
            if (earlier?.Model is { } promotedModel)
            {
                // Measured again rather than read back: the earlier numbers came from an older journal
                // (fewer fixes known) and maybe another eval set; the gate compares like with like.
                promotedBefore = await EvaluateAsync(run, null, "promoted", promotedModel, cancellationToken).ConfigureAwait(false);
                current = new Current(promotedBefore, earlier.Dataset);
            }

            var cycles = new List<CycleResult>();
            for (var cycle = 1; cycle <= options.Cycles; cycle++)
            {
                var result = await RunCycleAsync(run, train, cycle, baseline, current, cancellationToken).ConfigureAwait(false);
                cycles.Add(result);
                if (result.Decision.IsPromoted)
                {
                    current = new Current(result.Candidate!, result.Dataset.Dataset);
                }
            }

            return new LearnReport(run.SessionId, baseline, promotedBefore, cycles, current?.Report.Model) { Records = [.. run.Records] };
        }, cancellationToken);
    }

    /// <summary>
    /// <c>nightshift learn day</c>: only the day phase, in a learn session of its own: the model being improved (the last one
    /// promoted, else the agent as configured) on every train koan, recorded as attempts and episodes for the next dataset.
    /// </summary>
    /// <returns>The day's record (also in metrics.jsonl), or null when the koan set has no train koans.</returns>
    public Task<DayRecord?> DayAsync(LearnOptions options, IProgress<LearnEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return InSessionAsync(options, progress, async run =>
        {
            var promoted = await LastPromotionAsync(cancellationToken).ConfigureAwait(false);
            await PracticeAsync(run, null, promoted?.Model, cancellationToken).ConfigureAwait(false);
            return run.Records.OfType<DayRecord>().SingleOrDefault();
        }, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in a new learn session, ended "done", "interrupted" or "failed" as it ends.</summary>
    private async Task<T> InSessionAsync<T>(
        LearnOptions options, IProgress<LearnEvent>? progress, Func<LearnRun, Task<T>> work, CancellationToken cancellationToken)
    {
        var session = await _journal.StartSessionAsync(Workload, "-", _koans.EvalSetHash, cancellationToken).ConfigureAwait(false);
        await _journal.SetSessionSandboxAsync(session.Id, _runner.Sandbox.Name, cancellationToken).ConfigureAwait(false);
        var run = new LearnRun(session.Id, _clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture), options, progress);
        try
        {
            var result = await work(run).ConfigureAwait(false);
            await _journal.EndSessionAsync(session.Id, "done", CancellationToken.None).ConfigureAwait(false);
            return result;
        }
        catch (Exception e) when (e is OperationCanceledException or NightshiftException)
        {
            await _journal.EndSessionAsync(session.Id, e is OperationCanceledException ? "interrupted" : "failed", CancellationToken.None)
                .ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The promoted model that stands (the journal's latest promotion not rolled back); null when none does.</summary>
    private Task<PromotionRow?> LastPromotionAsync(CancellationToken cancellationToken) => _journal.CurrentPromotionAsync(cancellationToken);

    private async Task<EvalReport> EvaluateAsync(LearnRun run, int? cycle, string role, string? model, CancellationToken cancellationToken)
    {
        run.Report(new LearnPhaseStarted($"evaluating {role} {model ?? "(the configured agent)"}") { Cycle = cycle });
        var evaluator = new KoanEvaluator(_journal, new KoanToolchain(_runner), _runner, _guard);
        var progress = run.Progress is null ? null : new EvalProgress(run.Progress, cycle, role);
        var agent = _agents(model);
        EvalReport report;
        try
        {
            report = await evaluator.RunAsync(agent, model, _koans, run.Options.Eval, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await agent.ReleaseAsync().ConfigureAwait(false);
        }

        await RecordAsync(run, EvalRecord.From(report, _clock.GetUtcNow(), cycle, role), cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task RecordAsync(LearnRun run, MetricsRecord record, CancellationToken cancellationToken)
    {
        await _metrics.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        run.Records.Add(record);
        await _journal.AppendEventAsync(EventJson.ToJournal(run.SessionId, record), cancellationToken).ConfigureAwait(false);
        run.Report(new LearnRecorded(record) { Cycle = record.Cycle });
    }

    /// <summary>The model to beat after the baseline: its eval, and the dataset it was trained on (the next replay buffer).</summary>
    private sealed record Current(EvalReport Report, string? Dataset);

    private sealed record LearnRun(long SessionId, string Stamp, LearnOptions Options, IProgress<LearnEvent>? Progress)
    {
        /// <summary>What this run appended to the metrics, in order; records are appended one at a time.</summary>
        public List<MetricsRecord> Records { get; } = [];

        public void Report(LearnEvent e) => Progress?.Report(e);
    }

    private sealed class EvalProgress(IProgress<LearnEvent> progress, int? cycle, string role) : IProgress<EvalRun>
    {
        public void Report(EvalRun value) => progress.Report(new LearnEvalRun(role, value) { Cycle = cycle });
    }
}
