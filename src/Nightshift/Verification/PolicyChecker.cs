using Nightshift.Configuration;

namespace Nightshift.Verification;

/// <summary>
/// The policy's rules over an attempt's diff: no protected file changed, no binary content left in a file,
/// no symbolic link that points out of the repository, no suppression added (when forbidden), no more
/// lines changed than allowed. The diff's emptiness is the verifier's concern.
/// </summary>
/// <remarks>
/// Binary content is rejected rather than judged: git gives a binary file no lines, so the suppression and
/// size rules would pass over it whatever it holds (a NUL byte in a comment used to smuggle an
/// <c>#[allow]</c> through). A deleted binary file hides nothing and passes.
/// </remarks>
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

        foreach (var file in diff.Files.Where(f => f.NewPath is not null))
        {
            if (file.IsBinary)
            {
                reasons.Add(new RejectionReason.BinaryContent(file.NewPath!));
            }
            else if (file.IsSymlink && string.Concat(file.Added.Select(l => l.Text)) is var target && !LinkStaysInside(file.NewPath!, target))
            {
                reasons.Add(new RejectionReason.SymlinkOutside(file.NewPath!, target));
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
    /// True when a link at <paramref name="path"/> (repository-relative) to <paramref name="target"/> resolves inside the
    /// repository, read as the file system would from the link's folder, and not into a <c>.git</c> folder. An absolute target is outside: the repository
    /// is checked out in more than one place, and no absolute path lies inside all of them.
    /// </summary>
    private static bool LinkStaysInside(string path, string target)
    {
        if (target.Length == 0 || target.StartsWith('/') || target.Split('/').Contains(".git"))
        {
            return false;
        }

        var depth = path.Split('/').Length - 1;
        foreach (var segment in target.Split('/'))
        {
            depth += segment switch
            {
                "" or "." => 0,
                ".." => -1,
                _ => 1,
            };
            if (depth < 0)
            {
                return false;
            }
        }

        return true;
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
