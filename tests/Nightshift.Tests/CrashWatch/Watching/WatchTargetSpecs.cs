using Nightshift.Tests.Support;
using Nightshift.Workloads.CrashWatch.Watching;

namespace Nightshift.Tests.CrashWatch.Watching;

/// <summary>What a crash.watch entry watches: a glob from its last plain folder, a folder whole, or one file.</summary>
public sealed class WatchTargetSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task A_glob_watches_its_last_plain_folder_and_matches_by_name()
    {
        await Task.Yield();

        var target = WatchTarget.Parse("logs/crash-*.txt", "/srv/app");

        target.Directory.Should().Be("/srv/app/logs");
        target.Recursive.Should().BeFalse();
        target.Matches("/srv/app/logs/crash-1.txt").Should().BeTrue();
        target.Matches("/srv/app/logs/other.txt").Should().BeFalse();
        target.Matches("/srv/app/logs/deeper/crash-1.txt").Should().BeFalse("a single * stays in its folder");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_glob_with_double_star_watches_below_its_folder()
    {
        await Task.Yield();

        var target = WatchTarget.Parse("/var/crash/**/*.crash", "/srv/app");

        target.Directory.Should().Be("/var/crash");
        target.Recursive.Should().BeTrue();
        target.Matches("/var/crash/a/b/core.crash").Should().BeTrue();
        target.Matches("/var/crash/top.crash").Should().BeTrue();
        target.Matches("/var/crash/a/notes.txt").Should().BeFalse();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_folder_watches_every_file_below_it()
    {
        using var dir = new TempDir("watch");
        Directory.CreateDirectory(dir["reports/nested"]);

        var written = WatchTarget.Parse("reports/", dir.Path);
        var existing = WatchTarget.Parse("reports", dir.Path);
        dir.Write("reports/nested/a.txt", "x");
        await Task.Yield();

        written.Directory.Should().Be(dir["reports"]);
        existing.Directory.Should().Be(dir["reports"]);
        existing.List().Should().Equal(dir["reports/nested/a.txt"]);
        written.Matches(dir["reports/nested/a.txt"]).Should().BeTrue();
        written.Matches(dir["elsewhere.txt"]).Should().BeFalse();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_plain_path_that_does_not_exist_yet_is_one_file()
    {
        await Task.Yield();

        var target = WatchTarget.Parse("server.log", "/srv/app");

        target.Directory.Should().Be("/srv/app");
        target.Matches("/srv/app/server.log").Should().BeTrue();
        target.Matches("/srv/app/server.log.1").Should().BeFalse();
        target.Matches("/srv/app/other.log").Should().BeFalse();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_cores_folder_matches_the_names_kernels_give_core_files_and_nothing_below_it()
    {
        await Task.Yield();

        var target = WatchTarget.Cores("cores/", "/srv/app");

        target.Directory.Should().Be("/srv/app/cores");
        target.IsCores.Should().BeTrue();
        string[] cores = ["core", "core.4242", "worldserver.core"];
        cores.Should().OnlyContain(name => target.Matches("/srv/app/cores/" + name));
        string[] others = ["notes.txt", "corefile", "worldserver.core.gz", "old/core"];
        others.Should().NotContain(name => target.Matches("/srv/app/cores/" + name));
    }
}
