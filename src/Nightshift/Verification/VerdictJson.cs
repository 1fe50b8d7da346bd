using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightshift.Verification;

/// <summary>
/// The journal's form of a <see cref="Verdict"/> (attempts.verdict_json): snake_case names, enums as
/// words, a "verdict" and a "kind" field naming the variants, and each reason's sentence alongside
/// its figures so the journal reads without this code.
/// </summary>
public static class VerdictJson
{
    private static readonly JsonSerializerOptions _options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        // SQLite's json functions may rewrite a document with its fields in another order.
        AllowOutOfOrderMetadataProperties = true,
        RespectNullableAnnotations = true,
    };

    public static string Serialize(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return JsonSerializer.Serialize(verdict, _options);
    }

    /// <summary>The journal's name of a reason's kind: <c>target_not_reduced</c>, <c>test_broke</c>.</summary>
    public static string KindOf(RejectionReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return JsonSerializer.SerializeToElement(reason, _options).GetProperty("kind").GetString()!;
    }

    /// <exception cref="JsonException">The text is not a verdict this version can read.</exception>
    public static Verdict Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<Verdict>(json, _options)
            ?? throw new JsonException("The verdict JSON is null.");
    }
}
