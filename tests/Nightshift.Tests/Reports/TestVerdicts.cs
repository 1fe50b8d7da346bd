using Nightshift.Clustering;
using Nightshift.Diagnostics;
using Nightshift.Verification;

namespace Nightshift.Tests.Reports;

/// <summary>Verdicts as the verifier journals them, for journals written by hand: the report reads them with the verifier's own type.</summary>
internal static class TestVerdicts
{
    public static ClusterKey Rustc(string code) => new("rustc", Severity.Error, code, null);

    /// <summary>A burn-down verdict on <paramref name="target"/>; tests null when they did not run.</summary>
    public static Verdict Cluster(
        bool accepted, ClusterKey target, int before, int after, int errorsBefore, int errorsAfter, int? passed, int? total, params RejectionReason[] reasons)
    {
        var tests = passed is { } p && total is { } t ? new TestFigures(t, t, p, t, 1, true, true, []) : null;
        var figures = new VerdictFigures(
            target, before, after, [new ClusterChange(target, before, after)], errorsBefore, errorsAfter, errorsBefore, errorsAfter, tests, 1, 2);
        return accepted ? new Verdict.Accepted(figures) : new Verdict.Rejected(figures, reasons);
    }

    /// <summary>A crash-watch verdict: the build and the repro as its checks.</summary>
    public static Verdict Crash(bool accepted, IReadOnlyList<RejectionReason> reasons, string build, string? repro, TestFigures? tests = null)
    {
        List<VerdictCheck> checks = [new("build", build.StartsWith("ok", StringComparison.Ordinal), build)];
        if (repro is not null)
        {
            checks.Add(new VerdictCheck("repro", repro == "exits 0", repro));
        }

        var figures = new VerdictFigures(null, null, null, [], null, null, null, null, tests, 1, 2) { Checks = checks };
        return accepted ? new Verdict.Accepted(figures) : new Verdict.Rejected(figures, reasons);
    }

    public static string Json(this Verdict verdict) => VerdictJson.Serialize(verdict);
}
