using Nightshift.Clustering;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Reports;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Testing;
using Nightshift.Tests.Support;
using Nightshift.Verification;

namespace Nightshift.Tests.Reports;

/// <summary>A one-attempt session (and a one-crash crash-watch session) whose every piece of journal text is an attempt to inject markup.</summary>
internal static class HostileJournal
{
    public const string Workload = "burn-down<svg onload=alert(1)>";
    public const string Cluster = "rustc:error:<script>alert(2)</script>|x|";
    public const string Agent = "\"><img src=x onerror=alert(3)>";
    public const string Reason = "test_broke";
    public const string HostileTest = "<b>bold</b> a & b <i>c</i> `code` [link](https://evil.example) *star*";
    public const string ReasonText = $"test {HostileTest} passed at baseline and failed after";
    public const string AlertMessage = "</td></tr><script>alert(4)</script>\nsecond line";
    public const string Subject = "NS-1: <iframe src=\"https://evil.example\"></iframe> 'quoted'";
    public const string Verified = "<em>rustc</em>:error:E0308 2 -> 1; errors 2 -> 1; no tests";
    public const string CrashTitle = "panicked at '<script>alert(5)</script>' | in `handlers::x` [link](https://evil.example)";
    public const string Signature = "\"><img src=x onerror=alert(6)>";
    public const string Rung = "<b>rung</b>";
    public const string StepSummary = "</td></tr><iframe src=\"https://evil.example\"></iframe>\n| x |";
    public const string Problem = "<i>problem</i> & more";

    public static async Task WriteAsync(string nightshiftDirectory)
    {
        var ct = CancellationToken.None;
        await using var journal = Journal.Open(Path.Combine(nightshiftDirectory, "nightshift.db"));
        var session = await journal.StartSessionAsync(Workload, "nightshift/<b>branch</b>", "h", ct);
        var telemetry = SessionTelemetry.Start(NightshiftFolder.Of(nightshiftDirectory), journal, session, new LimitsConfig());
        var cluster = new ClusterRow(Cluster, "rustc", "<script>", "error", 2, 1);
        await journal.SaveSnapshotAsync(new NewSnapshot(session.Id, DateTimeOffset.UtcNow, 1, 1, 2, 0), [cluster], ct);
        var task = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", Cluster, Cluster), ct);

        var rejected = await journal.BeginAttemptAsync(session.Id, task.Id, Agent, ct);
        await journal.FinishAttemptAsync(rejected.Id, new AttemptResult("done", 1, 1, 0m, null, null), ct);
        var target = new ClusterKey("<em>rustc</em>", Severity.Error, "E0308", null);
        var verdict = TestVerdicts.Cluster(false, target, 2, 2, 2, 2, null, null, new RejectionReason.TestBroke(HostileTest, TestOutcome.Failed, null));
        await journal.RecordVerdictAsync(rejected.Id, false, verdict.Json(), ct);

        var landed = await journal.BeginAttemptAsync(session.Id, task.Id, Agent, ct);
        await journal.FinishAttemptAsync(landed.Id, new AttemptResult("done", 1, 1, 0m, null, null), ct);
        await journal.RecordVerdictAsync(landed.Id, true, TestVerdicts.Cluster(true, target, 2, 1, 2, 1, null, null).Json(), ct);
        await journal.RecordCommitAsync(new NewCommit(landed.Id, "NS-1", "abc", "b", $"{Subject}\n\nVerified: {Verified}"), ct);

        await telemetry.AlertAsync(AlertSeverity.Critical, "<script>", AlertMessage, ct);
        await journal.SaveSnapshotAsync(new NewSnapshot(session.Id, DateTimeOffset.UtcNow.AddMinutes(1), 1, 1, 1, 0), [cluster with { Count = 1 }], ct);
    }

    /// <summary>A crash-watch session of one rejected crash whose title, signature, rung, summary and problem are all markup.</summary>
    public static async Task WriteCrashAsync(string nightshiftDirectory)
    {
        var clock = new Tests.Store.ManualClock(DateTimeOffset.UtcNow);
        await using var journal = Journal.Open(Path.Combine(nightshiftDirectory, "nightshift.db"), clock);
        var session = await journal.StartSessionAsync(Workloads.CrashWatch.CrashWatchSession.Workload, "b", "h", CancellationToken.None);
        var watch = new CrashSession(journal, SessionTelemetry.Start(NightshiftFolder.Of(nightshiftDirectory), journal, session, new LimitsConfig(), clock), clock, session.Id);
        var crash = await watch.DetectAsync(Signature, CrashTitle, 12);
        await crash.StepAsync("<u>step</u>", "ok", 5, StepSummary, Rung);
        await crash.DoneAsync(CrashResults.Rejected, 6, ticket: null, commit: null, Problem);
    }
}
