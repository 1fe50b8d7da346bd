using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Tests.Learn;

/// <summary>The koans at the repository root, loaded once.</summary>
internal static class BundledKoans
{
    public static string Root { get; } = Path.Combine(Binaries.RepositoryRoot, "koans");

    public static KoanSet Set { get; } = KoanSet.Load(Root);

    public static Koan Get(string id) => Set.Find(id) ?? throw new InvalidOperationException($"No koan {id}.");
}
