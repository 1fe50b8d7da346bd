using System.Text.Json.Serialization;

namespace Nightshift.Adapters.Share;

/// <summary>A family: named after its adapter's folder, with where it came from and the element type an expansion writes.</summary>
public sealed record ShareManifestFamily(string Name, string Source, [property: JsonPropertyName("dtype")] string DType, double LoraAlpha, long Parameters);
