using Nightshift.Configuration;

namespace Nightshift.Verification;

/// <summary>
/// The policy's rules over an attempt's diff: no protected file changed, no suppression added (when
/// forbidden), no more lines changed than allowed. The diff's emptiness is the verifier's concern.
/// </summary>
public static class PolicyChecker
{
    public static IReadOnlyList<RejectionReason> Check(UnifiedDiff diff, PolicyConfig policy)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(policy);
        var reasons = new List<RejectionReason>();
        var protectedPaths = new ProtectedPaths(policy.Protected);
        foreach (var path in diff.Files.SelectMany(f => f.Paths).Distinct(StringComparer.Ordinal))
        {
            if (protectedPaths.ProtectingGlob(path) is { } glob)
            {
                reasons.Add(new RejectionReason.ProtectedPathChanged(path, glob));
            }
        }

        if (policy.ForbidSuppressions)
        {
            reasons.AddRange(Suppressions(diff));
        }

        if (diff.LinesChanged > policy.MaxDiffLines)
        {
            reasons.Add(new RejectionReason.DiffTooLarge(diff.LinesChanged, policy.MaxDiffLines));
        }

        return reasons;
    }

    /// <summary>
    /// Added lines that carry a marker, less those the diff also removes (the same text, trimmed,
    /// anywhere in the diff): moving or re-indenting an existing suppression adds none.
    /// </summary>
    private static IEnumerable<RejectionReason> Suppressions(UnifiedDiff diff)
    {
        var removed = diff.Files.SelectMany(f => f.Removed).Select(l => l.Text.Trim())
            .GroupBy(text => text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var file in diff.Files.Where(f => f.NewPath is not null))
        {
            foreach (var line in file.Added)
            {
                if (SuppressionMarkers.All.FirstOrDefault(m => m.Matches(file.NewPath!, line.Text)) is not { } marker)
                {
                    continue;
                }

                var text = line.Text.Trim();
                if (removed.TryGetValue(text, out var count) && count > 0)
                {
                    removed[text] = count - 1;
                    continue;
                }

                yield return new RejectionReason.SuppressionAdded(file.NewPath!, line.Line, text, marker.Name);
            }
        }
    }
}
