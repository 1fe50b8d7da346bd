namespace Nightshift.Agents.External;

/// <summary>
/// The prompt written to a file for an agent that reads it from one, outside the worktree so it can never
/// become part of the change; deleted with its directory when the run ends.
/// </summary>
internal sealed class PromptFile : IDisposable
{
    private readonly string _directory;

    private PromptFile(string directory, string path)
    {
        _directory = directory;
        Path = path;
    }

    public string Path { get; }

    /// <exception cref="NightshiftException">The configured directory lies inside the worktree.</exception>
    public static async Task<PromptFile> WriteAsync(string? parent, string worktree, string prompt, CancellationToken cancellationToken)
    {
        var root = System.IO.Path.GetFullPath(parent ?? System.IO.Path.GetTempPath());
        var relative = System.IO.Path.GetRelativePath(System.IO.Path.GetFullPath(worktree), root);
        if (relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative)))
        {
            throw new NightshiftException($"Prompt files go to {root}, which is inside the worktree {worktree}: choose a directory outside it.");
        }

        // A directory of its own (mode 700 in the temp folder), so concurrent attempts never share a prompt.
        var directory = parent is null
            ? Directory.CreateTempSubdirectory("nightshift-prompt-").FullName
            : Directory.CreateDirectory(System.IO.Path.Combine(root, "nightshift-prompt-" + Guid.NewGuid().ToString("N"))).FullName;

        var path = System.IO.Path.Combine(directory, "prompt.md");
        await File.WriteAllTextAsync(path, prompt, cancellationToken).ConfigureAwait(false);
        return new PromptFile(directory, path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A prompt left in a temp folder is harmless; failing the attempt over it would not be.
        }
    }
}
