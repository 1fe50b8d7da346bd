namespace Nightshift.Execution.Sandboxing;

/// <summary>
/// Where a command that may run code from a worktree may write: <see cref="Writable"/> (the worktree, its build
/// outputs, a scratch folder) and nothing else. <see cref="Protected"/> is laid over them afterwards, so git metadata
/// inside or reachable from a writable folder (a worktree's <c>.git</c> file, the git directory it points to, the
/// repository's common directory) stays read-only: no hook, config or ref can be written from inside (issue 14).
/// <see cref="Readable"/> is laid under them: what the command reads that the sandbox's private <c>/tmp</c> would hide.
/// Set it on <see cref="CommandSpec.Confinement"/>; the <see cref="Sandbox"/> the runner was given enforces it.
/// </summary>
public sealed record Confinement
{
    private Confinement(IReadOnlyList<string> readable, IReadOnlyList<string> writable, IReadOnlyList<string> @protected)
    {
        Readable = readable;
        Writable = writable;
        Protected = @protected;
    }

    /// <summary>
    /// Absolute files and folders that exist, bound read-only before <see cref="Writable"/>: the repository a worktree
    /// belongs to, and inputs given to <see cref="Reading"/> (a crash report).
    /// </summary>
    public IReadOnlyList<string> Readable { get; }

    /// <summary>Absolute folders the command may write (they exist).</summary>
    public IReadOnlyList<string> Writable { get; }

    /// <summary>Absolute files and folders that exist, bound read-only after <see cref="Writable"/>: git metadata.</summary>
    public IReadOnlyList<string> Protected { get; }

    /// <summary>
    /// A confinement to <paramref name="writable"/> (folders are created when missing), with the git metadata of each
    /// protected and the repository of each worktree readable.
    /// </summary>
    public static Confinement Of(params IEnumerable<string> writable)
    {
        ArgumentNullException.ThrowIfNull(writable);
        var folders = Distinct(writable);
        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
        }

        var git = folders.Select(GitMetadata.Of).ToList();
        return new Confinement(
            Distinct(git.Select(g => g.Repository).OfType<string>()),
            folders,
            Distinct(git.SelectMany(g => g.Metadata)));
    }

    /// <summary>This confinement, and <paramref name="inputs"/> readable inside (those that exist), such as a crash report.</summary>
    public Confinement Reading(params IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new Confinement(Distinct(Readable.Concat(inputs)).Where(Path.Exists).ToList(), Writable, Protected);
    }

    private static List<string> Distinct(IEnumerable<string> paths) =>
        [.. paths.Select(path => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))).Distinct(StringComparer.Ordinal)];
}
