using System.Formats.Tar;
using Nightshift.Files;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// The fresh copy of a task's workspace one run works in: a temporary directory, made a git repository
/// with one base commit so that whatever the agent does (edit, add, delete, even commit) shows as a diff
/// against that commit.
/// </summary>
internal sealed class RunWorkspace
{
    private readonly BenchGit _git;

    private RunWorkspace(string directory, string baseCommit, BenchGit git)
    {
        Directory = directory;
        BaseCommit = baseCommit;
        _git = git;
    }

    public string Directory { get; }

    public string BaseCommit { get; }

    /// <exception cref="BenchInfrastructureException">The copy or the repository could not be made.</exception>
    public static async Task<RunWorkspace> CreateAsync(
        BenchWorkspaceSource source, string directory, BenchGit git, CancellationToken cancellationToken)
    {
        Delete(directory);
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            switch (source)
            {
                case BenchWorkspaceSource.Folder folder:
                    DirectoryCopy.Copy(folder.Path, directory);
                    break;
                case BenchWorkspaceSource.GitTree tree:
                    await ExtractTreeAsync(tree, directory, git, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BenchInfrastructureException($"could not copy the workspace into {directory}: {e.Message}", e);
        }

        await git.RunAsync(directory, ["init", "--quiet", "--template="], cancellationToken).ConfigureAwait(false);
        await git.RunAsync(directory, ["add", "--all"], cancellationToken).ConfigureAwait(false);
        await git.RunAsync(directory, ["commit", "--quiet", "--no-verify", "--allow-empty", "-m", "bench: base"], cancellationToken).ConfigureAwait(false);
        var head = await git.RunAsync(directory, ["rev-parse", "HEAD"], cancellationToken).ConfigureAwait(false);
        return new RunWorkspace(directory, head.Trim(), git);
    }

    /// <summary>
    /// What the agent changed, against the base commit: staged first, so new files count, and compared from the
    /// index, so commits the agent made count too. Files the workspace's .gitignore ignores are not changes.
    /// </summary>
    public async Task<WorkspaceChanges> ChangesAsync(CancellationToken cancellationToken)
    {
        await _git.RunAsync(Directory, ["add", "--all"], cancellationToken).ConfigureAwait(false);

        // git trusts a file's stat data when size, mtime and ctime match its index entry; an agent that copies
        // in a file of the same size with an old mtime, within the second of the base commit, slips past that.
        // --renormalize hashes every tracked file again.
        await _git.RunAsync(Directory, ["add", "--renormalize", "--", "."], cancellationToken).ConfigureAwait(false);
        var names = await _git.RunAsync(Directory, ["diff", "--cached", "--no-renames", "--name-only", "-z", BaseCommit], cancellationToken)
            .ConfigureAwait(false);
        var files = BenchGit.SplitZ(names);
        var patch = files.Count == 0
            ? ""
            : await _git.RunAsync(Directory, ["diff", "--cached", "--no-renames", "--binary", BaseCommit], cancellationToken).ConfigureAwait(false);
        return new WorkspaceChanges(files, patch);
    }

    /// <summary>The files that make up the workspace now: tracked or new, and not ignored (sources, not build outputs).</summary>
    public async Task<IReadOnlyList<string>> SourceFilesAsync(CancellationToken cancellationToken)
    {
        var listing = await _git.RunAsync(Directory, ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], cancellationToken)
            .ConfigureAwait(false);
        return BenchGit.SplitZ(listing).Distinct(StringComparer.Ordinal).Where(f => File.Exists(Path.Combine(Directory, f))).ToArray();
    }

    /// <summary>Best effort: a workspace left behind is only litter in the temp directory.</summary>
    public static void Delete(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory))
            {
                // git makes its object files read-only, which Directory.Delete does not mind on Unix.
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static async Task ExtractTreeAsync(BenchWorkspaceSource.GitTree tree, string directory, BenchGit git, CancellationToken cancellationToken)
    {
        // git archive gives the tree without history: the agent cannot read the fix from a later commit.
        var archive = directory + ".tar";
        try
        {
            await git.RunAsync(tree.Repository, ["archive", "--format=tar", $"--output={archive}", tree.Ref], cancellationToken).ConfigureAwait(false);
            await TarFile.ExtractToDirectoryAsync(archive, directory, overwriteFiles: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(archive);
        }
    }
}

/// <summary>The files the agent added, changed or deleted, and the diff (binary-safe, for <c>git apply</c>).</summary>
internal sealed record WorkspaceChanges(IReadOnlyList<string> Files, string Patch)
{
    public bool IsEmpty => Files.Count == 0;
}
