using Nightshift.Clustering;
using Nightshift.Configuration;
using Nightshift.Probing;
using Nightshift.Verification;

namespace Nightshift.Attempts;

/// <summary>A commit as measured: the build (null when none is configured), the probe's snapshot and the tests (null when none are configured).</summary>
public sealed record Measurement(string Commit, Snapshot Snapshot, TestSuiteResult? Tests)
{
    /// <summary>The <c>build</c> run before the probe; null when none is configured.</summary>
    public VerdictCheck? Build { get; init; }

    /// <summary>How long the build, the probe and the tests took together.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The build failed, so nothing else was measured: the snapshot is empty and must not be compared.</summary>
    public bool IsUnbuilt => Build is { Passed: false };

    /// <summary>A commit whose build failed: neither probed nor tested.</summary>
    public static Measurement Unbuilt(string commit, VerdictCheck build) => new(commit, new Snapshot([]), null) { Build = build };

    /// <summary>
    /// The verdict on <paramref name="after"/> against this baseline for <paramref name="target"/>: the verifier's rules over
    /// probe and tests, with the build among the checks. A change that does not build is rejected for that alone.
    /// </summary>
    public Verdict Judge(ClusterKey target, Measurement after, string diff, PolicyConfig? policy, string? unchangedBecause = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        var input = after is { IsUnbuilt: true, Build: { } failed }
            ? VerdictInput.WithoutClusters(null, null, diff, policy, [failed])
            : new VerdictInput(target, Snapshot, after.Snapshot, Tests, after.Tests, diff, policy) { Checks = after.Build is { } built ? [built] : [] };
        return Verifier.Decide(input with { UnchangedBecause = unchangedBecause });
    }
}
