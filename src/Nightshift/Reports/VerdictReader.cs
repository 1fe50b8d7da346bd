using System.Text.Json;

namespace Nightshift.Reports;

/// <summary>
/// The one place the report reads the verifier's verdict JSON (<c>attempts.verdict_json</c>), so that when
/// the verdict's shape grows only this adapter changes.
/// </summary>
/// <remarks>
/// Assumed shape (members beyond these are ignored, any of these may be missing):
/// <code>
/// {
///   "accepted": true,
///   "reasons": [ { "kind": "tests_failed", "text": "2 tests failed: parser::tests::expr" } ],
///   "tests":   { "passed": 140, "failed": 0 }
/// }
/// </code>
/// <c>reasons</c> are why an attempt was rejected; <c>tests</c> is what the verifier's test run measured.
/// Text that is not such an object reads as <see cref="VerdictSummary.Unreadable"/>, never as an exception:
/// one malformed row must not cost the whole morning report.
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

            bool? accepted = root.TryGetProperty("accepted", out var a) && a.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? a.GetBoolean()
                : null;
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
            .Where(r => r.ValueKind == JsonValueKind.Object)
            .Select(r => new VerdictReason(
                String(r, "kind") is { Length: > 0 } kind ? kind : VerdictReason.UnspecifiedKind,
                String(r, "text") ?? ""))];
    }

    private static TestFigures? ReadTests(JsonElement root) =>
        root.TryGetProperty("tests", out var tests) && tests.ValueKind == JsonValueKind.Object
        && Int(tests, "passed") is { } passed && Int(tests, "failed") is { } failed
            ? new TestFigures(passed, failed)
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
