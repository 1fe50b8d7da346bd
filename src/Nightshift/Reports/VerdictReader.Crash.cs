using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightshift.Reports;

// Crash-watch's verdict (Workloads.CrashWatch.Pipeline.CrashVerdict) journals each failed rule as a sentence, without a
// kind: {"accepted": false, "reasons": ["the build failed: 'cargo build' exited 101", ...], "build": "failed", "tests": "3/3 -> 2/3 passing"}.
// The Rejections table groups by kind, so the sentence's opening names one; the sentences are the crash pipeline's and
// the verifier's own (RejectionReason.Message), and one that matches none still shows, under "other".
internal static partial class VerdictReader
{
    public const string OtherKind = "other";

    private static readonly (string Kind, Regex Pattern)[] _sentenceKinds =
    [
        ("no_change", Pattern("^the (agent|attempt) changed nothing")),
        ("build_failed", Pattern("^the build failed")),
        ("repro_still_crashes", Pattern("^the repro still crashes")),
        ("tests_did_not_run", Pattern("^the tests did not run")),
        ("test_broke", Pattern(" passed at baseline and ")),
        ("protected_path_changed", Pattern(" changed: it is protected by ")),
        ("diff_too_large", Pattern("^the diff changes .* more than the ")),
        ("suppression_added", Pattern(" adds a suppression \\(")),
    ];

    private static VerdictReason SentenceReason(string sentence) => new(
        _sentenceKinds.FirstOrDefault(k => k.Pattern.IsMatch(sentence)).Kind ?? OtherKind,
        sentence);

    // "3/3 -> 2/3 passing": the figures after the fix are the second pair.
    private static TestFigures? SentenceTests(string sentence) =>
        TestsSentence().Match(sentence) is { Success: true } match
        && int.TryParse(match.Groups["passed"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var passed)
        && int.TryParse(match.Groups["total"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var total)
        && passed <= total
            ? new TestFigures(passed, total - passed)
            : null;

    private static Regex Pattern(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"->\s*(?<passed>\d+)/(?<total>\d+) passing", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TestsSentence();
}
