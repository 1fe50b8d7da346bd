using System.Globalization;
using Nightshift.Attempts;
using Nightshift.Sessions;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Verification;

namespace Nightshift.Workloads.BurnDown;

public sealed partial class Night
{
    // Measures the branch tip; a stop reason when interrupted meanwhile, or when the tests are broken before any change
    // and the config says stop.
    private async Task<(Measurement? Baseline, NightStopReason? Stopped)> BaselineAsync(
        SessionContext context, WorktreeMeasurer measurer, CancellationToken stop, CancellationToken abort)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, abort);
        try
        {
            return await MeasureBaselineAsync(context, measurer, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !abort.IsCancellationRequested)
        {
            return (null, new NightStopReason.Interrupted());
        }
    }

    private async Task<(Measurement Baseline, NightStopReason? Stopped)> MeasureBaselineAsync(
        SessionContext context, WorktreeMeasurer measurer, CancellationToken abort)
    {
        var telemetry = context.Telemetry;
        telemetry.Phase("baseline");
        var tip = await context.BranchTipAsync(abort).ConfigureAwait(false);
        Say($"baseline: probing {tip[..12]}");
        await using var workspace = await context.Workspaces.CreateAsync(
            $"baseline-{context.Session.Id.ToString(CultureInfo.InvariantCulture)}", tip, worker: 0, abort).ConfigureAwait(false);
        var baseline = await measurer.BaselineAsync(workspace, tip, abort).ConfigureAwait(false);
        var (snapshot, tests) = (baseline.Snapshot, baseline.Tests);
        await SaveSnapshotAsync(context.Journal, telemetry, context.Session, snapshot, _clock, abort).ConfigureAwait(false);

        var testLine = tests is null ? "no tests configured" : $"tests {tests.Passing.Count}/{tests.Tests.Count} passing";
        await telemetry.EventAsync(
            new BaselineMeasured(tip, snapshot.Errors, snapshot.Clusters.Count, tests?.Passing.Count, tests?.Tests.Count), null, abort)
            .ConfigureAwait(false);
        Say($"baseline: {snapshot.Errors} error(s) in {snapshot.Clusters.Count} cluster(s), {testLine}");

        if (tests is not null && _config.Limits.StopIfTestsBroken && TestsBroken(tests) is { } broken)
        {
            await telemetry.AlertAsync(AlertSeverity.Critical, AlertKinds.TestsBroken, $"The tests fail before any change: {broken}", abort)
                .ConfigureAwait(false);
            return (baseline, new NightStopReason.TestsBroken(broken));
        }

        return (baseline, null);
    }

    private static string? TestsBroken(TestSuiteResult tests)
    {
        if (!tests.Ran)
        {
            return $"they did not run ({tests.NotRunReason})";
        }

        var failing = tests.Tests.Except(tests.Passing, StringComparer.Ordinal).Except(tests.Quarantined, StringComparer.Ordinal).ToList();
        if (failing.Count > 0)
        {
            return $"{failing.Count} failing: {string.Join(", ", failing.Take(5))}";
        }

        return tests.ExitedZero || tests.OnlyFailuresAmong(tests.Quarantined) ? null : $"the test command exited {tests.FailingExitCode}";
    }
}
