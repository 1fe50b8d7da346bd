using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Verification;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>
/// The verdict on a crash fix: accepted only when the change is not empty, the build succeeded, the tests are not worse,
/// the repro (when configured) no longer crashes, and the policy holds. Every failed rule is a reason.
/// </summary>
/// <param name="Accepted">Every rule held.</param>
/// <param name="Reasons">Each rule that failed, with its figures, as the verifier gives them.</param>
/// <param name="Build">"ok in 2.1 s" or what failed.</param>
/// <param name="Tests">"3/3 -> 3/3 passing", or null without tests.</param>
/// <param name="Repro">"exits 0" or what it did, or null without a repro command.</param>
/// <param name="TestFigures">The tests before and after, when both ran.</param>
public sealed record CrashVerdict(
    bool Accepted,
    IReadOnlyList<RejectionReason> Reasons,
    string Build,
    string? Tests,
    string? Repro,
    TestFigures? TestFigures = null)
{
    /// <summary>The Verified trailer of the commit: "build ok; tests 3/3 -> 3/3 passing; repro exits 0".</summary>
    public string Trailer => string.Join("; ", new[] { $"build {Build}", Tests is null ? null : $"tests {Tests}", Repro is null ? null : $"repro {Repro}" }
        .OfType<string>());

    /// <summary>
    /// The journal's form (<c>attempts.verdict_json</c>): the verifier's "verdict", "reasons" (kind, figures and sentence) and
    /// "figures.tests", so that the report reads a crash verdict like a night's, plus the crash's own build and repro words.
    /// </summary>
    public string ToJson()
    {
        var json = new JsonObject
        {
            ["verdict"] = Accepted ? "accepted" : "rejected",
            ["reasons"] = JsonSerializer.SerializeToNode(Reasons, VerdictJson.Options),
            ["build"] = Build,
        };
        if (TestFigures is { } figures)
        {
            json["figures"] = new JsonObject { ["tests"] = JsonSerializer.SerializeToNode(figures, VerdictJson.Options) };
        }

        if (Tests is not null)
        {
            json["tests"] = Tests;
        }

        if (Repro is not null)
        {
            json["repro"] = Repro;
        }

        return json.ToJsonString();
    }
}
