using System.Globalization;
using Nightshift.Store;

namespace Nightshift.Probing;

/// <summary>
/// Names a journaled snapshot the way people do on the command line: by id, or <c>last</c> (the newest) and
/// <c>previous</c> (the one before it).
/// </summary>
public static class SnapshotReference
{
    public const string Last = "last";
    public const string Previous = "previous";

    /// <exception cref="SnapshotNotFoundException">Nothing in the journal has that name.</exception>
    public static async Task<SnapshotRow> ResolveAsync(Journal journal, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(reference);
        var name = reference.Trim();
        if (name.Equals(Last, StringComparison.OrdinalIgnoreCase) || name.Equals(Previous, StringComparison.OrdinalIgnoreCase))
        {
            var back = name.Equals(Last, StringComparison.OrdinalIgnoreCase) ? 0 : 1;
            var latest = await journal.LatestSnapshotsAsync(back + 1, sessionId: null, cancellationToken).ConfigureAwait(false);
            return latest.Count > back
                ? latest[back]
                : throw new SnapshotNotFoundException(
                    $"there is no '{name}' snapshot: the journal holds {latest.Count}. Run 'nightshift baseline' to take one.");
        }

        if (!long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new SnapshotNotFoundException($"'{reference}' names no snapshot: give a snapshot id, '{Last}' or '{Previous}'.");
        }

        return await journal.GetSnapshotAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new SnapshotNotFoundException($"there is no snapshot {id} in {journal.DatabasePath}.");
    }
}
