using Nightshift.Git;

namespace Nightshift.Landing;

/// <summary>The user's checkout has uncommitted changes and <c>landing.pending</c> is <c>refuse</c>.</summary>
public sealed class PendingChangesException(string repositoryRoot, IReadOnlyList<PendingChange> changes)
    : NightshiftException(Describe(repositoryRoot, changes))
{
    private const int Shown = 5;

    public IReadOnlyList<PendingChange> Changes { get; } = changes;

    private static string Describe(string repositoryRoot, IReadOnlyList<PendingChange> changes)
    {
        var listed = string.Join(", ", changes.Take(Shown).Select(change => change.Path));
        var more = changes.Count > Shown ? $" and {changes.Count - Shown} more" : "";
        return $"{repositoryRoot} has uncommitted changes ({listed}{more}). Nightshift works from the last commit and would leave "
            + "them out: commit or stash them, or set landing.pending: include to make them the first commit of the session branch.";
    }
}
