using System.Text.Json;
using Nightshift.Verification;

namespace Nightshift.Reports;

/// <summary>
/// The one place the report reads a verdict (<c>attempts.verdict_json</c>): every workload journals the verifier's
/// <see cref="Verdict"/> in <see cref="VerdictJson"/>'s form, and the report reads it back with the same type. Text that is not
/// a verdict reads as <see cref="VerdictSummary.Unreadable"/>, never as an exception: one malformed row must not cost the
/// whole morning report.
/// </summary>
internal static class VerdictReader
{
    public static VerdictSummary Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return VerdictSummary.Unreadable;
        }

        Verdict verdict;
        try
        {
            verdict = VerdictJson.Deserialize(json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            return VerdictSummary.Unreadable;
        }

        var tests = verdict.Figures.Tests is { RanAfter: true } figures ? new TestFigures(figures.PassedAfter, figures.TotalAfter - figures.PassedAfter) : null;
        return new VerdictSummary(
            verdict.IsAccepted,
            [.. verdict.Reasons.Select(r => new VerdictReason(VerdictJson.KindOf(r), r.Message))],
            tests,
            verdict.Figures.Verified);
    }
}

/// <summary>What the report needs of a verdict; <see cref="Accepted"/> is null when the verdict could not be read.</summary>
/// <param name="Accepted">The verdict, or null when unreadable.</param>
/// <param name="Reasons">Why it was rejected.</param>
/// <param name="Tests">The tests after the attempt, when they ran.</param>
/// <param name="Verified">What was verified, in one line (the figures of <see cref="VerdictFigures.Verified"/>); null when unreadable.</param>
internal sealed record VerdictSummary(bool? Accepted, IReadOnlyList<VerdictReason> Reasons, TestFigures? Tests, string? Verified)
{
    public static VerdictSummary Unreadable { get; } = new(null, [], null, null);
}

/// <summary>One reason the verifier gave, e.g. kind "test_broke".</summary>
internal sealed record VerdictReason(string Kind, string Text)
{
    /// <summary>The kind of a rejection whose verdict could not be read.</summary>
    public const string UnspecifiedKind = "unspecified";
}

/// <summary>The verifier's test run: how many tests passed and failed.</summary>
internal sealed record TestFigures(int Passed, int Failed)
{
    public bool AllPassed => Failed == 0;
}
