using System.Security.Cryptography;

namespace Nightshift.Tests.Support;

/// <summary>
/// A real git repository in a temp folder for tests: initialised on branch main with a user identity and a first
/// commit. Runs git through <see cref="ToolRun"/>, independently of the engine's git layer, so tests can check that
/// layer against plain git.
/// </summary>
public sealed class GitRepo : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);
    private readonly TempDir _dir;

    private GitRepo(TempDir dir) => _dir = dir;

    public string Path => _dir.Path;

    public string this[string relative] => _dir[relative];

    /// <summary>A repository with README.md and src/lib.rs committed on main, and a .gitignore that ignores target/.</summary>
    public static async Task<GitRepo> InitAsync(string prefix = "git", string? parent = null)
    {
        var repo = new GitRepo(new TempDir(prefix, parent));
        await repo.GitAsync("init", "--quiet", "--initial-branch=main");
        await repo.GitAsync("config", "user.name", "Test User");
        await repo.GitAsync("config", "user.email", "test@example.com");
        await repo.GitAsync("config", "commit.gpgSign", "false");
        repo.Write("README.md", "# demo\n");
        repo.Write("src/lib.rs", "pub fn answer() -> u32 {\n    41\n}\n");
        repo.Write(".gitignore", "target/\n");
        await repo.CommitAllAsync("initial");
        return repo;
    }

    public string Write(string relative, string content) => _dir.Write(relative, content);

    public string Read(string relative) => File.ReadAllText(this[relative]);

    /// <summary>Runs git in the repository and returns its standard output; a failure throws with git's message.</summary>
    public async Task<string> GitAsync(params string[] arguments)
    {
        var run = await TryGitAsync(arguments);
        return run.ExitCode == 0
            ? run.StandardOutput
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({run.ExitCode}): {run.StandardError}");
    }

    public Task<ToolRun> TryGitAsync(params string[] arguments) =>
        // No optional locks: the test's own git calls must not refresh the index they are watching.
        ToolRun.RunAsync("git", arguments, Path, new Dictionary<string, string> { ["GIT_OPTIONAL_LOCKS"] = "0" }, _timeout, CancellationToken.None);

    /// <summary>Stages everything and commits it on the checked-out branch; returns the new commit.</summary>
    public async Task<string> CommitAllAsync(string message)
    {
        await GitAsync("add", "--all");
        await GitAsync("commit", "--quiet", "--message", message);
        return await RevParseAsync("HEAD");
    }

    /// <summary>The folder names of the worktrees git knows under .nightshift/worktrees (workers' own are <c>worker-N</c>).</summary>
    public async Task<IReadOnlyList<string>> NightshiftWorktreesAsync()
    {
        var root = System.IO.Path.Combine(Path, ".nightshift", "worktrees") + System.IO.Path.DirectorySeparatorChar;
        return [.. (await GitAsync("worktree", "list", "--porcelain")).Split('\n')
            .Where(line => line.StartsWith("worktree ", StringComparison.Ordinal))
            .Select(line => line["worktree ".Length..])
            .Where(path => path.StartsWith(root, StringComparison.Ordinal))
            .Select(path => System.IO.Path.GetFileName(path))
            .Order(StringComparer.Ordinal)];
    }

    public async Task<string> RevParseAsync(string revision) => (await GitAsync("rev-parse", "--verify", revision)).Trim();

    /// <summary>
    /// Everything of the user's checkout that Nightshift must leave as it is, as one sorted map: every file of the working
    /// tree by content hash (tracked, untracked and ignored alike, .git/ and Nightshift's own .nightshift/ aside), the index
    /// file's bytes, HEAD, the checked-out branch's commit, the stash, the config and the info/exclude file.
    /// </summary>
    public async Task<SortedDictionary<string, string>> FingerprintAsync()
    {
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(Path, file);
            if (!relative.StartsWith(".git" + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !relative.StartsWith(".nightshift" + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                state["file " + relative] = Hash(file);
            }
        }

        foreach (var gitFile in new[] { "index", "HEAD", "config", "info/exclude", "refs/stash", "logs/refs/stash", "logs/HEAD" })
        {
            state["git " + gitFile] = Hash(System.IO.Path.Combine(Path, ".git", gitFile));
        }

        state["HEAD commit"] = await RevParseAsync("HEAD");
        state["stash list"] = await GitAsync("stash", "list", "--format=%H %s");
        var branches = await GitAsync("for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/");
        state["branches other than nightshift/*"] = string.Join('\n', branches.Split('\n')
            .Where(line => !line.StartsWith("refs/heads/nightshift/", StringComparison.Ordinal)));
        return state;
    }

    public void Dispose() => _dir.Dispose();

    private static string Hash(string file) =>
        File.Exists(file) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))) : "(none)";
}
