namespace Nightshift.Execution.Sandboxing;

/// <summary>
/// The git metadata a folder reaches: <c>folder/.git</c> and, for a worktree (a <c>.git</c> file saying
/// <c>gitdir: X</c>), X and the common directory X names in its <c>commondir</c> file; and the repository's own
/// checkout, the folder holding that common <c>.git</c>.
/// </summary>
internal sealed record GitMetadata(IReadOnlyList<string> Metadata, string? Repository)
{
    private static readonly GitMetadata _none = new([], null);

    public static GitMetadata Of(string folder)
    {
        var dotGit = Path.Combine(folder, ".git");
        if (Directory.Exists(dotGit))
        {
            return new GitMetadata([dotGit], folder);
        }

        if (!File.Exists(dotGit) || (File.ReadLines(dotGit).FirstOrDefault() ?? "") is not { } line || !line.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            return File.Exists(dotGit) ? new GitMetadata([dotGit], null) : _none;
        }

        var gitDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(line["gitdir:".Length..].Trim(), folder));
        if (!Directory.Exists(gitDirectory))
        {
            return new GitMetadata([dotGit], null);
        }

        var commonFile = Path.Combine(gitDirectory, "commondir");
        var common = File.Exists(commonFile)
            ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(File.ReadAllText(commonFile).Trim(), gitDirectory))
            : null;
        if (common is null || !Directory.Exists(common))
        {
            return new GitMetadata([dotGit, gitDirectory], null);
        }

        var repository = Path.GetFileName(common) == ".git" ? Path.GetDirectoryName(common) : null;
        return new GitMetadata([dotGit, gitDirectory, common], repository);
    }
}
