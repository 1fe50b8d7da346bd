using Nightshift.Configuration;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Configuration;

/// <summary><c>crash.cores</c> (a folder or <c>coredumpctl</c>) and <c>crash.executable</c>, with their mistakes (issue 18).</summary>
public sealed class CrashCoresConfigSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task A_cores_folder_with_its_executable_needs_no_watch_and_prints_back_as_written()
    {
        await Task.Yield();

        var config = ConfigLoader.LoadText("version: 1\ncrash:\n  cores: /var/crash/cores\n  executable: build/bin/worldserver\n", "/r/nightshift.yml");

        config.Crash!.Cores.Should().Be(new CoreSource.Folder("/var/crash/cores"));
        config.Crash.Executable.Should().Be("build/bin/worldserver");
        config.Crash.Watch.Should().BeEmpty();
        ConfigLoader.LoadText(ConfigPrinter.ToYaml(config), "/r/nightshift.yml").Crash.Should().BeEquivalentTo(config.Crash);
    }

    [Fact(Timeout = 10_000)]
    public async Task Cores_without_an_executable_is_an_error_at_the_crash_section_that_says_what_to_name()
    {
        await Task.Yield();

        var load = () => ConfigLoader.LoadText("version: 1\ncrash:\n  watch: crashes/\n  cores: cores/\n", "/r/nightshift.yml");

        var error = load.Should().Throw<ConfigException>().Which.Errors.Should().ContainSingle().Which;
        error.Key.Should().Be("crash.executable");
        error.Problem.Should().Contain("crash.cores reads the cores of one program");
        (error.Line, error.Column).Should().Be((2, 1), "the error points at the crash section");
    }

    [Fact(Timeout = 10_000)]
    public async Task An_empty_cores_value_and_an_executable_without_cores_are_errors_at_their_lines()
    {
        await Task.Yield();

        var empty = () => ConfigLoader.LoadText("version: 1\ncrash:\n  watch: crashes/\n  cores: \"\"\n  executable: server\n", "/r/nightshift.yml");
        var alone = () => ConfigLoader.LoadText("version: 1\ncrash:\n  watch: crashes/\n  executable: server\n", "/r/nightshift.yml");

        empty.Should().Throw<ConfigException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<ConfigError>(e => e.Key == "crash.cores" && e.Line == 4 && e.Problem.Contains("coredumpctl"));
        alone.Should().Throw<ConfigException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<ConfigError>(e => e.Key == "crash.executable" && e.Line == 4 && e.Problem.Contains("only read with crash.cores"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Coredumpctl_when_it_is_not_installed_ends_crash_watch_with_a_config_error_and_exit_code_2()
    {
        // PATH holds git and nothing else, so coredumpctl is surely missing whether or not this machine has it.
        using var repo = await GitRepo.InitAsync("cores-config");
        Directory.CreateDirectory(repo["bin"]);
        File.CreateSymbolicLink(repo["bin/git"], ExecutableOnPath("git"));
        repo.Write("nightshift.yml", "version: 1\nbuild:\n  command: [\"true\"]\ncrash:\n  cores: coredumpctl\n  executable: build/worldserver\n");

        var result = await Support.CliRun.SubprocessAsync(repo.Path, ["crash-watch"], new Dictionary<string, string?> { ["PATH"] = repo["bin"] });

        result.ExitCode.Should().Be(2, result.Err);
        result.Err.Should().Contain("nightshift.yml:5:10").And.Contain("crash.cores").And.Contain("'coredumpctl' is not on PATH");
    }

    private static string ExecutableOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).First(File.Exists);
}
