using System.Text.RegularExpressions;

namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>
/// Finds near-identical examples with shingle Jaccard similarity. An example's text is cut into tokens
/// (identifiers, numbers, single symbols; whitespace only separates), every number becomes 0 so line and
/// column numbers do not tell two copies apart, and each run of <see cref="ShingleSize"/> tokens is hashed.
/// Two examples are near-identical when |A∩B| / |A∪B| of their shingle sets reaches the threshold.
/// Identifiers are kept: <c>.clone()</c> and <c>.to_string()</c> are different lessons.
/// </summary>
/// <remarks>Comparison is pairwise against the examples kept so far, fine for the thousands a night produces.</remarks>
public sealed partial class NearDuplicates(double threshold)
{
    public const int ShingleSize = 5;

    private readonly List<HashSet<ulong>> _kept = [];

    /// <summary>Keeps <paramref name="text"/> and returns true, unless it is a near-duplicate of a text kept before.</summary>
    public bool TryAdd(string text)
    {
        var shingles = Shingles(text);
        if (_kept.Any(kept => Jaccard(kept, shingles) >= threshold))
        {
            return false;
        }

        _kept.Add(shingles);
        return true;
    }

    public static double Jaccard(IReadOnlySet<ulong> a, IReadOnlySet<ulong> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var shared = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    public static HashSet<ulong> Shingles(string text)
    {
        var tokens = Tokens().Matches(text).Select(m => char.IsAsciiDigit(m.Value[0]) ? 0UL : Fnv(m.Value)).ToList();
        var shingles = new HashSet<ulong>();
        for (var i = 0; i + ShingleSize <= Math.Max(tokens.Count, ShingleSize); i++)
        {
            var hash = 14695981039346656037UL;
            for (var j = i; j < Math.Min(i + ShingleSize, tokens.Count); j++)
            {
                hash = (hash ^ tokens[j]) * 1099511628211UL;
            }

            shingles.Add(hash);
        }

        return shingles;
    }

    // FNV-1a: stable across processes (string.GetHashCode is randomized per process).
    private static ulong Fnv(string token)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in token)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    [GeneratedRegex(@"[\p{L}_][\p{L}\p{Nd}_]*|\d+|\S")]
    private static partial Regex Tokens();
}
