using System.Collections.Concurrent;
using Nightshift.Attempts;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// One invocation of a bench: the phases in order, each run by <c>jobs</c> workers that take runs in plan order
/// while the guards allow (pause gate, start rate, free disk, the phase's budget). Every finished run is written
/// at once, then the manifest; the next partial files hold the guards and the bookkeeping.
/// </summary>
internal sealed partial class BenchSession
{
    private readonly BenchSuite _suite;
    private readonly IReadOnlyList<PlannedPhase> _plan;
    private readonly ConcurrentDictionary<string, RunRecord> _records;
    private readonly BenchStore _store;
    private readonly BenchRunOptions _options;
    private readonly IPauseGate _gate;
    private readonly TimeProvider _time;
    private readonly Action<BenchEvent>? _onEvent;
    private readonly RunExecutor _executor;
    private readonly StartRateLimiter? _rateLimiter;
    private readonly DiskGuard _disk;
    private readonly string _workspaceRoot;
    private readonly string _cacheRoot;
    private readonly Lock _lock = new();
    private readonly Lock _reportLock = new();
    private readonly Dictionary<string, bool> _budgetUsed = new(StringComparer.Ordinal);
    private BenchManifest _manifest;
    private volatile string? _stopReason;
    private long _pauseReported;

    public BenchSession(
        BenchSuite suite,
        IReadOnlyList<PlannedPhase> plan,
        BenchManifest manifest,
        IReadOnlyDictionary<string, RunRecord> done,
        BenchStore store,
        BenchRunOptions options,
        IPauseGate gate,
        ProcessRunner runner,
        AttemptRunner attempts,
        long sessionId,
        TimeProvider time,
        Action<BenchEvent>? onEvent)
    {
        _suite = suite;
        _plan = plan;
        _manifest = manifest;
        _records = new ConcurrentDictionary<string, RunRecord>(done, StringComparer.Ordinal);
        _store = store;
        _options = options;
        _gate = gate;
        _time = time;
        _onEvent = onEvent;
        _workspaceRoot = Path.Combine(options.WorkspaceDirectory ?? Path.Combine(Path.GetTempPath(), "nightshift-bench"), manifest.Id);
        _cacheRoot = Path.Combine(store.DirectoryOf(manifest.Id), "cache");
        _executor = new RunExecutor(runner, store, manifest.Id, _workspaceRoot, _cacheRoot, gate, options, attempts, sessionId, time);
        _rateLimiter = options.MaxStartsPerMinute is { } perMinute ? new StartRateLimiter(perMinute, time) : null;
        _disk = new DiskGuard(
            options.MinFreeDiskBytes, [store.Root, _workspaceRoot], "free some space (old benches are in .nightshift/bench) and resume");
    }

    private int Planned => _plan.Sum(p => p.Runs.Count);

    public async Task<BenchOutcome> RunAsync(CancellationToken cancellationToken)
    {
        // What a killed bench left behind: workspaces of the runs in flight, half-written files.
        RunWorkspace.Delete(_workspaceRoot);
        Directory.CreateDirectory(_workspaceRoot);
        Directory.CreateDirectory(Path.Combine(_store.DirectoryOf(_manifest.Id), RunFiles.DirectoryName));
        lock (_lock)
        {
            WriteManifest();
        }

        var state = BenchState.Completed;
        try
        {
            foreach (var phase in _plan)
            {
                if (_stopReason is not null)
                {
                    break;
                }

                await RunPhaseAsync(phase, cancellationToken).ConfigureAwait(false);
            }

            state = _stopReason is null ? BenchState.Completed : BenchState.Stopped;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            state = BenchState.Interrupted;
            _stopReason = "interrupted; resume it to finish the remaining runs";
        }
        finally
        {
            RunWorkspace.Delete(_workspaceRoot);
        }

        if (state == BenchState.Completed)
        {
            // The build caches only speed up repeats; a finished bench has none left to run.
            RunWorkspace.Delete(_cacheRoot);
        }

        lock (_lock)
        {
            _manifest = Snapshot() with { Status = state, StopReason = _stopReason, FinishedAt = _time.GetUtcNow() };
            _store.WriteManifest(_manifest);
        }

        return new BenchOutcome(_manifest.Id, _store.DirectoryOf(_manifest.Id), _manifest);
    }

    private async Task RunPhaseAsync(PlannedPhase phase, CancellationToken cancellationToken)
    {
        var pending = new ConcurrentQueue<PlannedRun>(phase.Runs.Where(r => !_records.TryGetValue(r.Id, out var record) || !record.Counts));
        Report(new BenchEvent.PhaseStarted(phase.Phase, phase.Runs.Count, phase.Runs.Count - pending.Count));
        var started = _time.GetTimestamp();
        var budgetUsed = false;

        async Task WorkAsync()
        {
            while (_stopReason is null && !cancellationToken.IsCancellationRequested)
            {
                if (phase.Phase.Budget is { } budget && _time.GetElapsedTime(started) >= budget)
                {
                    budgetUsed = true;
                    return;
                }

                if (!pending.TryDequeue(out var run))
                {
                    return;
                }

                if (!await RunWithRetriesAsync(run, cancellationToken).ConfigureAwait(false))
                {
                    // A guard stopped the bench before this run started: it is still to do.
                    pending.Enqueue(run);
                    return;
                }
            }
        }

        var jobs = _options.Jobs > 0 ? _options.Jobs : Environment.ProcessorCount;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(jobs, Math.Max(1, pending.Count))).Select(_ => Task.Run(WorkAsync, CancellationToken.None)))
            .ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (budgetUsed)
        {
            lock (_lock)
            {
                _budgetUsed[phase.Phase.Name] = true;
            }

            Report(new BenchEvent.PhaseBudgetUsed(phase.Phase, pending.Count));
        }
    }

    /// <summary>Runs until it is recorded (retrying infrastructure errors); false when a guard stopped the bench first.</summary>
    private async Task<bool> RunWithRetriesAsync(PlannedRun run, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!await PassGuardsAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            Report(new BenchEvent.RunStarted(run, attempt));
            var record = await _executor.ExecuteAsync(run, attempt, cancellationToken).ConfigureAwait(false);
            if (record.Status == RunStatus.Excluded && attempt <= _options.MaxInfraRetries)
            {
                Report(new BenchEvent.RunRetrying(run, attempt + 1, record.Reason ?? "infrastructure error", _options.InfraRetryDelay));
                await Task.Delay(_options.InfraRetryDelay, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Record(record);
            return true;
        }
    }
}
