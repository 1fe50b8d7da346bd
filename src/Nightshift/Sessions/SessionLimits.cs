using System.Globalization;
using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Telemetry;

namespace Nightshift.Sessions;

/// <summary>
/// The budgets of <c>limits</c> that end a session of any workload: <c>limits.hours</c> since the session started,
/// <c>limits.max_cost_usd</c> over its attempts, and <c>limits.min_free_disk</c> on the repository's disk. A workload asks
/// <see cref="CheckAsync"/> before it starts new work; the first limit that no longer holds is raised as an alert once and
/// returned, to become the session's stop reason. Written once for every workload (the "one loop" principle).
/// </summary>
public sealed class SessionLimits : IDisposable
{
    private readonly LimitsConfig _limits;
    private readonly SessionTelemetry _telemetry;
    private readonly DiskGuard _disk;
    private readonly CancellationTokenSource _timeUp;
    private readonly Lock _gate = new();
    private decimal _spentUsd;

    private SessionLimits(LimitsConfig limits, SessionTelemetry telemetry, DiskGuard disk, TimeSpan left, TimeProvider clock, decimal spentUsd)
    {
        (_limits, _telemetry, _disk, _spentUsd) = (limits, telemetry, disk, spentUsd);
        _timeUp = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, clock);
    }

    /// <summary>Canceled once <c>limits.hours</c> have passed since the session started (a resumed session counts from its start).</summary>
    public CancellationToken TimeUp => _timeUp.Token;

    /// <summary>What the session's attempts cost so far, as counted.</summary>
    public decimal SpentUsd
    {
        get
        {
            lock (_gate)
            {
                return _spentUsd;
            }
        }
    }

    /// <summary>Starts the clock of <paramref name="context"/>'s session, with the cost its attempts journaled so far.</summary>
    public static async Task<SessionLimits> StartAsync(SessionContext context, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = context.Config.Limits;
        var disk = new DiskGuard(
            limits.MinFreeDiskBytes, [context.Config.RepositoryRoot, context.Paths.Root], "free some space (old worktrees and releases are under .nightshift/) and start again");
        var left = limits.TimeBudget - (clock.GetUtcNow() - context.Session.StartedAt);
        var spent = await SpentAsync(context, cancellationToken).ConfigureAwait(false);
        return new SessionLimits(limits, context.Telemetry, disk, left, clock, spent);
    }

    /// <summary>Adds what an attempt cost as it is reported.</summary>
    public void Spend(decimal usd)
    {
        lock (_gate)
        {
            _spentUsd += usd;
        }
    }

    /// <summary>Counts the cost again from the journal (for workloads that learn it when an attempt is recorded).</summary>
    public async Task RecountAsync(SessionContext context, CancellationToken cancellationToken)
    {
        var spent = await SpentAsync(context, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _spentUsd = spent;
        }
    }

    /// <summary>The first limit that no longer holds, in the order a person would name them, raised as an alert; null to go on.</summary>
    public async Task<LimitReached?> CheckAsync(CancellationToken cancellationToken)
    {
        if (TimeUp.IsCancellationRequested)
        {
            await _telemetry.AlertAsync(AlertSeverity.Info, AlertKinds.BudgetExhausted, $"The time budget of {Durations.Format(_limits.TimeBudget)} ran out.", cancellationToken)
                .ConfigureAwait(false);
            return new LimitReached.TimeBudget(_limits.TimeBudget);
        }

        var spent = SpentUsd;
        if (_limits.MaxCostUsd is { } maxCost && spent >= maxCost)
        {
            await _telemetry.AlertAsync(
                AlertSeverity.Info, AlertKinds.BudgetExhausted, string.Create(CultureInfo.InvariantCulture, $"${spent} spent of the ${maxCost} budget."), cancellationToken)
                .ConfigureAwait(false);
            return new LimitReached.CostBudget(spent, maxCost);
        }

        if (_disk.Check() is { } problem)
        {
            await _telemetry.AlertAsync(AlertSeverity.Critical, AlertKinds.DiskLow, $"No new work starts: {problem}.", cancellationToken).ConfigureAwait(false);
            return new LimitReached.DiskLow(problem);
        }

        return null;
    }

    public void Dispose() => _timeUp.Dispose();

    private static async Task<decimal> SpentAsync(SessionContext context, CancellationToken cancellationToken) =>
        (await context.Journal.SessionAttemptsAsync(context.Session.Id, cancellationToken).ConfigureAwait(false)).Sum(a => a.CostUsd);
}
