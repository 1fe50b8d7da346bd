using System.Text.Json;

namespace Nightshift.Reports;

/// <summary>
/// The one place the report reads the verifier's verdict JSON (<c>attempts.verdict_json</c>), so that when
/// the verdict's shape grows only this adapter changes.
/// </summary>
/// <remarks>
/// Two shapes are journaled. The verifier's (<see cref="Verification.VerdictJson"/>, burn-down and crash-watch):
/// <code>
/// { "verdict": "rejected",
///   "figures": { "tests": { "passed_after": 7, "total_after": 7, "ran_after": true, ... }, ... },
///   "reasons": [ { "kind": "target_not_reduced", "message": "E0308 went 3 -> 3: the target did not shrink", ... } ] }
/// </code>
/// and the koan evaluator's <c>{ "accepted": true, ... }</c>. A reason given as a bare sentence reads as kind "unspecified".
/// Members beyond these are ignored and any may be missing.
/// Text that is neither reads as <see cref="VerdictSummary.Unreadable"/>, never as an exception: one malformed row
/// must not cost the whole morning report.
/// </remarks>
internal static class VerdictReader
{
    public static VerdictSummary Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return VerdictSummary.Unreadable;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return VerdictSummary.Unreadable;
            }

            bool? accepted = String(root, "verdict") switch
            {
                "accepted" => true,
                "rejected" => false,
                _ => root.TryGetProperty("accepted", out var a) && a.ValueKind is JsonValueKind.True or JsonValueKind.False ? a.GetBoolean() : null,
            };
            return new VerdictSummary(accepted, ReadReasons(root), ReadTests(root));
        }
        catch (JsonException)
        {
            return VerdictSummary.Unreadable;
        }
    }

    private static IReadOnlyList<VerdictReason> ReadReasons(JsonElement root)
    {
        if (!root.TryGetProperty("reasons", out var reasons) || reasons.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. reasons.EnumerateArray()
            .Select(r => r.ValueKind switch
            {
                JsonValueKind.Object => new VerdictReason(
                    String(r, "kind") is { Length: > 0 } kind ? kind : VerdictReason.UnspecifiedKind,
                    String(r, "message") ?? String(r, "text") ?? ""),
                JsonValueKind.String => new VerdictReason(VerdictReason.UnspecifiedKind, r.GetString()!),
                _ => null,
            })
            .OfType<VerdictReason>()];
    }

    // The verifier's figures say how many tests passed of how many after the attempt; a suite that did not run has none.
    private static TestFigures? ReadTests(JsonElement root) =>
        root.TryGetProperty("figures", out var figures) && figures.ValueKind == JsonValueKind.Object
        && figures.TryGetProperty("tests", out var tests) && tests.ValueKind == JsonValueKind.Object
        && (!tests.TryGetProperty("ran_after", out var ran) || ran.ValueKind != JsonValueKind.False)
        && Int(tests, "passed_after") is { } passed && Int(tests, "total_after") is { } total
            ? new TestFigures(passed, total - passed)
            : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;
}

/// <summary>What the report needs of a verdict; <see cref="Accepted"/> is null when the verdict could not be read.</summary>
internal sealed record VerdictSummary(bool? Accepted, IReadOnlyList<VerdictReason> Reasons, TestFigures? Tests)
{
    public static VerdictSummary Unreadable { get; } = new(null, [], null);
}

/// <summary>One reason the verifier gave, e.g. kind "tests_failed".</summary>
internal sealed record VerdictReason(string Kind, string Text)
{
    public const string UnspecifiedKind = "unspecified";
}

/// <summary>The verifier's test run: how many tests passed and failed.</summary>
internal sealed record TestFigures(int Passed, int Failed)
{
    public bool AllPassed => Failed == 0;
}
