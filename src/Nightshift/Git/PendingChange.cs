namespace Nightshift.Git;

/// <summary>
/// A path of the user's checkout that differs from HEAD, as <c>git status --porcelain</c> shows it:
/// <paramref name="Status"/> is the two-letter code (<c>" M"</c> modified, <c>"A "</c> staged, <c>"??"</c> untracked...).
/// </summary>
public sealed record PendingChange(string Status, string Path)
{
    public override string ToString() => $"{Status} {Path}";

    /// <summary>Parses <c>git status --porcelain=v1 -z</c>: <c>XY path</c> entries, a rename followed by its source path.</summary>
    public static IReadOnlyList<PendingChange> ParsePorcelain(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var changes = new List<PendingChange>();
        var entries = output.Split('\0');
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Length < 4)
            {
                continue;
            }

            var status = entry[..2];
            changes.Add(new PendingChange(status, entry[3..]));
            if (status[0] is 'R' or 'C')
            {
                i++; // the source path of a rename or copy
            }
        }

        return changes;
    }
}
