using System.Diagnostics;
using Nightshift.Probing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Sessions;

/// <summary>The repository's .nightshift folder in states Nightshift did not make: a clear error and exit 1, never a stack trace.</summary>
public sealed class StateFolderSpecs
{
    private const string Config = "version: 1\nprobe:\n  command: [sh, -c, \"echo 'src/a.c:1:2: error: x undeclared'\"]\n  format: gcc\n";

    [Fact(Timeout = 60_000)]
    public async Task A_file_where_the_nightshift_folder_belongs_ends_the_command_with_exit_1_and_the_path()
    {
        using var repo = new TempDir("state");
        repo.Write("nightshift.yml", Config);
        repo.Write(".nightshift", "not a folder");

        var run = await CliRun.SubprocessAsync(repo.Path, ["baseline"]);

        run.ExitCode.Should().Be(ExitCodes.Failed);
        run.Err.Should().Contain($"{repo[".nightshift"]} is a file").And.Contain("Move the file away").And.NotContain("Unhandled exception");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_folder_where_the_lock_file_belongs_ends_the_command_with_exit_1_and_the_path()
    {
        using var repo = new TempDir("state");
        repo.Write("nightshift.yml", Config);
        Directory.CreateDirectory(repo[".nightshift/lock"]);

        var run = await CliRun.SubprocessAsync(repo.Path, ["baseline"]);

        run.ExitCode.Should().Be(ExitCodes.Failed);
        run.Err.Should().Contain($"{repo[".nightshift/lock"]} is a folder").And.NotContain("Unhandled exception");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_read_only_nightshift_folder_ends_the_command_with_exit_1_and_the_path()
    {
        // Tests run as root, whom file modes do not stop: a read-only bind mount (bubblewrap) does.
        using var repo = new TempDir("state");
        repo.Write("nightshift.yml", Config);
        Directory.CreateDirectory(repo[".nightshift"]);
        var start = new ProcessStartInfo("bwrap")
        {
            WorkingDirectory = repo.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["--dev-bind", "/", "/", "--ro-bind", repo[".nightshift"], repo[".nightshift"], "--",
                     Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", Binaries.CliAssembly, "baseline"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(ExitCodes.Failed, await error);
        (await error).Should().Contain($"cannot write to {repo[".nightshift"]}").And.NotContain("Unhandled exception");
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_command_that_writes_the_nightshift_folder_makes_git_ignore_it()
    {
        using var repo = await GitRepo.InitAsync("state");
        repo.Write("nightshift.yml", Config);
        await repo.CommitAllAsync("config");

        var baseline = await CliRun.InProcessAsync(repo.Path, ["baseline"]);
        await CliRun.InProcessAsync(repo.Path, ["baseline", "--no-cache"]);
        File.Delete(Path.Combine(repo.Path, ".nightshift", ".gitignore"));
        var diff = await CliRun.InProcessAsync(repo.Path, ["diff"]);

        baseline.ExitCode.Should().Be(ExitCodes.Ok, baseline.Err);
        diff.ExitCode.Should().Be(ExitCodes.Ok, diff.Err);
        (await repo.GitAsync("status", "--porcelain", "--untracked-files=all")).Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task Probe_scratch_folders_of_a_process_that_is_gone_are_removed_and_those_of_a_live_one_kept()
    {
        var dead = Process.Start("true")!;
        await dead.WaitForExitAsync();
        var orphan = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nightshift-probe-{dead.Id}-spec"));
        File.WriteAllText(Path.Combine(orphan.FullName, "left.rmeta"), "x");
        var live = ProbeScratch.Create();
        try
        {
            ProbeScratch.RemoveOrphans();

            Directory.Exists(orphan.FullName).Should().BeFalse();
            Directory.Exists(live.FullName).Should().BeTrue();
        }
        finally
        {
            ProbeScratch.TryDelete(live.FullName);
            ProbeScratch.TryDelete(orphan.FullName);
        }
    }
}
