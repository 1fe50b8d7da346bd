using Nightshift.Tests.Support;

namespace Nightshift.Tests.Verification;

/// <summary>
/// A real git repository in a temp folder: commit a starting tree, change it, and take the change as
/// <c>git diff</c> text, the way the verifier receives an attempt's change.
/// </summary>
public sealed class GitChange : IDisposable
{
    // No user or system configuration: a developer's diff.noprefix or color.ui must not change the text.
    private static readonly Dictionary<string, string> _environment = new()
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_AUTHOR_NAME"] = "Nightshift Tests",
        ["GIT_AUTHOR_EMAIL"] = "tests@nightshift.invalid",
        ["GIT_COMMITTER_NAME"] = "Nightshift Tests",
        ["GIT_COMMITTER_EMAIL"] = "tests@nightshift.invalid",
    };

    private readonly TempDir _dir = new("diff");

    public string Root => _dir.Path;

    /// <summary>A repository whose first commit holds <paramref name="files"/> (relative path → content).</summary>
    public static async Task<GitChange> StartAsync(IReadOnlyDictionary<string, string> files)
    {
        var change = new GitChange();
        await change.GitAsync("init", "--quiet", "--initial-branch=main");
        foreach (var (path, content) in files)
        {
            change.Write(path, content);
        }

        await change.GitAsync("add", "--all");
        await change.GitAsync("commit", "--quiet", "--allow-empty", "-m", "start");
        return change;
    }

    /// <summary>The diff <paramref name="edit"/> makes to a repository holding <paramref name="files"/>.</summary>
    public static async Task<string> DiffOfAsync(IReadOnlyDictionary<string, string> files, Action<GitChange> edit)
    {
        using var change = await StartAsync(files);
        edit(change);
        return await change.DiffAsync();
    }

    public void Write(string path, string content) => _dir.Write(path, content);

    public void WriteBytes(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_dir[path])!);
        File.WriteAllBytes(_dir[path], content);
    }

    public void Delete(string path) => File.Delete(_dir[path]);

    /// <summary>A symbolic link at <paramref name="path"/> whose target is <paramref name="target"/>, exactly as given.</summary>
    public void Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_dir[path])!);
        File.CreateSymbolicLink(_dir[path], target);
    }

    public void Move(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_dir[to])!);
        File.Move(_dir[from], _dir[to]);
    }

    public async Task MakeExecutableAsync(string path)
    {
        var run = await ToolRun.RunAsync("chmod", ["+x", path], Root, null, TimeSpan.FromSeconds(30), CancellationToken.None);
        run.ExitCode.Should().Be(0, run.StandardError);
    }

    public string Read(string path) => File.ReadAllText(_dir[path]);

    /// <summary>Everything changed since the commit, new files included, renames detected.</summary>
    public async Task<string> DiffAsync()
    {
        await GitAsync("add", "--all");
        return await GitAsync("diff", "--cached", "--no-color", "--no-ext-diff", "-M", "HEAD");
    }

    public async Task<string> GitAsync(params string[] arguments)
    {
        var run = await ToolRun.RunAsync("git", arguments, Root, _environment, TimeSpan.FromSeconds(30), CancellationToken.None);
        run.ExitCode.Should().Be(0, $"git {string.Join(' ', arguments)} failed: {run.StandardError}");
        return run.StandardOutput;
    }

    public void Dispose() => _dir.Dispose();
}
