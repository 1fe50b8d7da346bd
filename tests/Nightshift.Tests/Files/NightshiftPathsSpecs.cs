using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Files;

public sealed class NightshiftPathsSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Every_file_and_folder_has_the_name_its_documentation_gives_under_the_nightshift_folder()
    {
        await Task.Yield();
        using var repo = new TempDir("paths");
        var paths = NightshiftPaths.For(repo.Path);
        string In(params string[] names) => Path.Combine([repo.Path, ".nightshift", .. names]);

        paths.Root.Should().Be(In());
        paths.RepositoryRoot.Should().Be(repo.Path);
        new Dictionary<string, string>
        {
            [paths.Journal] = In("nightshift.db"),
            [paths.Lock] = In("lock"),
            [paths.Status] = In("status.json"),
            [paths.Events] = In("events.jsonl"),
            [paths.Alerts] = In("alerts.jsonl"),
            [paths.Diagnostics] = In("diagnostics.jsonl"),
            [paths.Metrics] = In("metrics.jsonl"),
            [paths.Transcripts] = In("transcripts"),
            [paths.TranscriptFor("rustc:error:E0308")] = In("transcripts", "rustc_error_E0308.jsonl"),
            [paths.Worktrees] = In("worktrees"),
            [paths.Scratch] = In("tmp"),
            [paths.BuildOutputs] = In("target"),
            [paths.BuildOutputsOf(2)] = In("target", "worker-2"),
            [paths.Bench] = In("bench"),
            [paths.Models] = In("models"),
            [paths.Datasets] = In("datasets"),
            [paths.Reports] = In("reports"),
            [paths.CrashWatch] = In("crash-watch"),
            [paths.Releases] = In("crash-watch", "releases"),
            [paths.CrashReports] = In("crash-watch", "reports"),
            [paths.CrashOffsets] = In("crash-watch", "offsets.json"),
            [paths.ServiceState] = In("crash-watch", "service.json"),
            [paths.ServiceLog] = In("crash-watch", "service.log"),
        }.Should().OnlyContain(pair => pair.Key == pair.Value);
    }

    [Fact(Timeout = 10_000)]
    public async Task Every_path_lies_under_the_root_even_for_a_hostile_transcript_id()
    {
        await Task.Yield();
        using var repo = new TempDir("paths");
        var paths = NightshiftPaths.For(repo.Path);
        var all = typeof(NightshiftPaths).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.Name != nameof(NightshiftPaths.RepositoryRoot))
            .Select(p => (string)p.GetValue(paths)!)
            .Append(paths.TranscriptFor("../../etc/passwd"))
            .Append(paths.BuildOutputsOf(0))
            .ToList();

        all.Should().HaveCountGreaterThan(20).And.OnlyContain(path => path.StartsWith(paths.Root, StringComparison.Ordinal));
        all.Should().OnlyContain(path => Path.GetFullPath(path).StartsWith(paths.Root, StringComparison.Ordinal));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_relative_repository_root_is_made_absolute()
    {
        await Task.Yield();
        NightshiftPaths.For("repo").Root.Should().Be(Path.Combine(Path.GetFullPath("repo"), NightshiftPaths.DirectoryName));
    }

    [Fact(Timeout = 10_000)]
    public async Task Ensure_created_makes_the_folder_with_a_gitignore_of_everything_and_leaves_an_existing_one_alone()
    {
        await Task.Yield();
        using var repo = new TempDir("paths");
        var paths = NightshiftPaths.For(repo.Path);

        paths.EnsureCreated();
        File.ReadAllLines(Path.Combine(paths.Root, ".gitignore")).Should().Contain("*");
        File.WriteAllText(Path.Combine(paths.Root, ".gitignore"), "mine\n");
        paths.EnsureCreated();

        File.ReadAllText(Path.Combine(paths.Root, ".gitignore")).Should().Be("mine\n");
    }

    [Fact(Timeout = 10_000)]
    public async Task Locate_finds_the_nearest_existing_folder_upwards_when_there_is_no_configuration()
    {
        await Task.Yield();
        using var repo = new TempDir("paths");
        Directory.CreateDirectory(repo[".nightshift"]);
        Directory.CreateDirectory(repo["src/deep"]);

        ConfigLocator.LocateNightshiftPaths(explicitConfig: null, repo["src/deep"]).Should().Be(NightshiftPaths.For(repo.Path));
    }
}
