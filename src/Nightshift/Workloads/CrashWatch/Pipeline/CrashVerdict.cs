using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>
/// The verdict on a crash fix: accepted only when the change is not empty, the build succeeded, the tests are not worse,
/// the repro (when configured) no longer crashes, and the policy holds. Every failed rule is a reason.
/// </summary>
/// <param name="Accepted">Every rule held.</param>
/// <param name="Reasons">Each rule that failed, as a sentence.</param>
/// <param name="Build">"ok in 2.1 s" or what failed.</param>
/// <param name="Tests">"3/3 -> 3/3 passing", or null without tests.</param>
/// <param name="Repro">"exits 0" or what it did, or null without a repro command.</param>
public sealed record CrashVerdict(
    [property: JsonPropertyName("accepted")] bool Accepted,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("build")] string Build,
    [property: JsonPropertyName("tests")] string? Tests,
    [property: JsonPropertyName("repro")] string? Repro)
{
    private static readonly JsonSerializerOptions _json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The Verified trailer of the commit: "build ok; tests 3/3 -> 3/3 passing; repro exits 0".</summary>
    public string Trailer => string.Join("; ", new[] { $"build {Build}", Tests is null ? null : $"tests {Tests}", Repro is null ? null : $"repro {Repro}" }
        .OfType<string>());

    public string ToJson() => JsonSerializer.Serialize(this, _json);
}
