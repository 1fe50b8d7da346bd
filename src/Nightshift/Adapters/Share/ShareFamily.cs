using Nightshift.Adapters.Peft;
using Nightshift.Adapters.SafeTensors;

namespace Nightshift.Adapters.Share;

/// <summary>A family in a Share: named after its adapter's folder, with that adapter's config, element type and coefficients.</summary>
/// <param name="Name">The adapter folder's name.</param>
/// <param name="Source">The adapter folder it came from, for the manifest.</param>
/// <param name="Config">The adapter's adapter_config.json, which an expansion writes back.</param>
/// <param name="DType">The element type of the adapter's factors, which an expansion writes back.</param>
/// <param name="Coefficients">ε_B and ε_A of each module.</param>
public sealed record ShareFamily(
    string Name, string Source, LoraConfig Config, TensorDType DType, IReadOnlyDictionary<string, FamilyCoefficients> Coefficients)
{
    public long ParameterCount => Coefficients.Values.Sum(c => c.ParameterCount);
}
