using MathNet.Numerics.LinearAlgebra;
using Nightshift.Adapters.Peft;
using Nightshift.Files;

namespace Nightshift.Adapters.Share;

/// <summary>
/// Share (Kaushik et al., "Shared LoRA Subspaces for almost Strict Continual Learning", arXiv 2602.06043): the LoRA
/// adapters of many task families consolidated, per adapted module, into one shared basis plus small per-family
/// coefficients. As in the paper's initialisation, a module's lora_B factors are stacked side by side,
/// 𝓑 = [B₁ … B_t] (out × t·r), and likewise the transposed lora_A factors, 𝓐 = [A₁ᵀ … A_tᵀ] (in × t·r); the leading
/// left singular vectors that explain the requested share of Σσ² are the basis β (α for A), and a family's
/// coefficients are its factors projected on it, ε_B = βᵀB_i and ε_A = αᵀA_iᵀ (the pseudo-inverse of an orthonormal
/// basis is its transpose). Adding an adapter is the paper's merge step: every family is reconstructed from the
/// current basis, stacked with the new factors, and the SVD and all coefficients are computed again.
/// <para>Where this simplifies the paper: the stacks are not mean-centred (so an expanded family is a plain PEFT
/// adapter, B·A with no mean term); coefficients are computed analytically with one column per LoRA rank (the paper's
/// pseudo-rank p equals r here) and are not fine-tuned afterwards; and there is no coefficient-only training of new
/// tasks against a frozen basis (that belongs in a trainer, not in consolidation).</para>
/// </summary>
/// <param name="Variance">The share of each stack's Σσ² the basis keeps, in (0, 1]; the paper uses 0.6.</param>
/// <param name="Rank">The LoRA rank r every family has.</param>
/// <param name="Modules">Each adapted module's basis.</param>
/// <param name="Families">Each family's coefficients, in the order they were consolidated or added.</param>
public sealed record SharedSubspace(double Variance, int Rank, IReadOnlyDictionary<string, SharedBasis> Modules, IReadOnlyList<ShareFamily> Families)
{
    public const double DefaultVariance = 0.6;

    /// <summary>What the families' adapters take, against what the basis and coefficients take.</summary>
    public ShareParameters Parameters => new(
        Families.Count * Modules.Values.Sum(m => ((long)m.Out + m.In) * Rank),
        Modules.Values.Sum(m => m.ParameterCount),
        Families.Sum(f => f.ParameterCount));

    /// <summary>Consolidates <paramref name="adapters"/>, one family each, named after their folders.</summary>
    /// <exception cref="AdapterException">No adapter, two of one name, or adapters whose modules, shapes or ranks differ.</exception>
    public static SharedSubspace Consolidate(IReadOnlyList<LoraAdapter> adapters, double variance)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        CheckVariance(variance);
        CheckCompatible(adapters);
        var first = adapters[0];
        var modules = new Dictionary<string, SharedBasis>(StringComparer.Ordinal);
        foreach (var name in first.Modules.Keys)
        {
            var (b, explainedB) = PrincipalDirections.Of(Stack(adapters.Select(a => a.Modules[name].B)), variance);
            var (a, explainedA) = PrincipalDirections.Of(Stack(adapters.Select(x => x.Modules[name].A.Transpose())), variance);
            modules[name] = new SharedBasis(b, a, explainedB, explainedA);
        }

        var families = adapters.Select(adapter => new ShareFamily(
            adapter.Name,
            adapter.Source,
            adapter.Config,
            adapter.DType,
            modules.ToDictionary(
                m => m.Key,
                m => new FamilyCoefficients(m.Value.B.TransposeThisAndMultiply(adapter.Modules[m.Key].B),
                    adapter.Modules[m.Key].A.Multiply(m.Value.A).Transpose()),
                StringComparer.Ordinal))).ToList();
        return new SharedSubspace(variance, first.Config.Rank, modules, families);
    }

    /// <summary>Folds a new family in: reconstruct every family, stack the new adapter with them, SVD again.</summary>
    /// <exception cref="AdapterException">The family is already there, or the adapter does not fit the Share's modules.</exception>
    public SharedSubspace Add(LoraAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        if (Families.Any(f => f.Name == adapter.Name))
        {
            throw new AdapterException(
                $"{adapter.Source}: a family named '{adapter.Name}' is already in the Share; rename the adapter's folder to add it as another family.");
        }

        return Consolidate([.. Families.Select(f => Expand(f.Name)), adapter], Variance);
    }

    /// <summary>A family's adapter rebuilt from the basis: lora_B = β·ε_B and lora_A = (α·ε_A)ᵀ for every module.</summary>
    /// <exception cref="AdapterException">No family has that name.</exception>
    public LoraAdapter Expand(string family)
    {
        var found = Families.FirstOrDefault(f => f.Name == family) ?? throw new AdapterException(
            $"There is no family '{family}' in the Share; its families are {string.Join(", ", Families.Select(f => f.Name))}.");
        var modules = Modules.ToDictionary(
            m => m.Key,
            m => new LoraModule(m.Value.A.Multiply(found.Coefficients[m.Key].A).Transpose(), m.Value.B.Multiply(found.Coefficients[m.Key].B)),
            StringComparer.Ordinal);
        return new LoraAdapter(found.Name, found.Source, found.Config, found.DType, modules);
    }

    private static Matrix<double> Stack(IEnumerable<Matrix<double>> factors) => factors.Aggregate((left, right) => left.Append(right));

    private static void CheckVariance(double variance)
    {
        if (variance is <= 0 or > 1 || double.IsNaN(variance))
        {
            throw new AdapterException($"The variance to keep is a share above 0 and at most 1, got {variance}.");
        }
    }

    private static void CheckCompatible(IReadOnlyList<LoraAdapter> adapters)
    {
        if (adapters.Count == 0)
        {
            throw new AdapterException("Consolidation needs at least one adapter folder.");
        }

        var first = adapters[0];
        foreach (var adapter in adapters)
        {
            if (SafeFileName.From(adapter.Name) != adapter.Name)
            {
                throw new AdapterException($"{adapter.Source}: the family name '{adapter.Name}' is not a plain file name; rename the folder (letters, digits, '.', '-', '_').");
            }

            if (adapters.Count(a => a.Name == adapter.Name) > 1)
            {
                throw new AdapterException($"{adapter.Source}: two adapter folders are named '{adapter.Name}', and a family is named after its folder.");
            }

            if (adapter.Config.Rank != first.Config.Rank)
            {
                throw new AdapterException($"{adapter.Source}: rank r={adapter.Config.Rank}, where {first.Source} has r={first.Config.Rank}; a Share needs one rank.");
            }

            var missing = first.Modules.Keys.Except(adapter.Modules.Keys).Concat(adapter.Modules.Keys.Except(first.Modules.Keys)).FirstOrDefault();
            if (missing is not null)
            {
                throw new AdapterException($"{adapter.Source}: module '{missing}' is adapted in only one of it and {first.Source}; a Share needs the same modules.");
            }

            var mismatch = first.Modules.FirstOrDefault(m => (m.Value.Out, m.Value.In) != (adapter.Modules[m.Key].Out, adapter.Modules[m.Key].In));
            if (mismatch.Key is not null)
            {
                var other = adapter.Modules[mismatch.Key];
                throw new AdapterException(
                    $"{adapter.Source}: module '{mismatch.Key}' is {other.Out} × {other.In}, where {first.Source} has {mismatch.Value.Out} × {mismatch.Value.In}; are they for the same base model?");
            }
        }
    }
}
