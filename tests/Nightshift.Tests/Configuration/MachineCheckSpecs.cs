using Nightshift.Tests.Support;

namespace Nightshift.Tests.Configuration;

/// <summary>What `nightshift config` checks against this machine and checkout, so a night does not fail on it later.</summary>
public sealed class MachineCheckSpecs
{
    [Fact(Timeout = 30_000)]
    public async Task A_probe_step_program_missing_from_PATH_is_a_config_error_at_its_line()
    {
        using var repository = new TempDir("config");
        repository.Write("corpus/a.rs", "fn main() {}\n");
        repository.Write("nightshift.yml", """
            version: 1
            probe:
              corpus:
                items: "corpus/*.rs"
                steps:
                  - [rustcx-not-installed, "{item}"]
            """);

        var run = await Cli.RunAsync(repository.Path, "config");

        run.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        run.Error.Should().Contain("nightshift.yml:6:10: probe.corpus.steps[0][0]: the program 'rustcx-not-installed' is not on PATH");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_probe_command_missing_from_PATH_is_a_config_error_and_a_path_to_a_program_the_build_may_make_is_not()
    {
        using var repository = new TempDir("config");
        repository.Write("nightshift.yml", "version: 1\nprobe:\n  command: [no-such-linter, --all]\n  format: gcc\n");
        var missing = await Cli.RunAsync(repository.Path, "config");
        repository.Write("nightshift.yml", "version: 1\nprobe:\n  command: [target/debug/lint, --all]\n  format: gcc\n");
        var built = await Cli.RunAsync(repository.Path, "config");

        missing.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        missing.Error.Should().Contain("nightshift.yml:3:13: probe.command[0]: the program 'no-such-linter' is not on PATH");
        built.ExitCode.Should().Be(ExitCodes.Ok, built.Error);
    }

    [Fact(Timeout = 30_000)]
    public async Task Each_corpus_glob_that_matches_no_file_is_a_config_error()
    {
        using var repository = new TempDir("config");
        repository.Write("corpus/a.rs", "fn main() {}\n");
        repository.Write("nightshift.yml", """
            version: 1
            probe:
              corpus:
                items: ["corpus/*.rs", "corpsu/*.rs"]
                steps:
                  - [sh, -c, "true", "{item}"]
            """);

        var run = await Cli.RunAsync(repository.Path, "config");

        run.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        run.Error.Should().Contain("probe.corpus.items: 'corpsu/*.rs' matches no file under").And.NotContain("'corpus/*.rs' matches");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("limits:\n  workers: 400\n", "limits.workers: must be at most 32, got 400")]
    [InlineData("probe:\n  command: [true]\n  format: gcc\n  jobs: 1000\n", "probe.jobs: must be at most 256, got 1000")]
    [InlineData("bench:\n  jobs: 1000\n", "bench.jobs: must be at most 256, got 1000")]
    public async Task Workers_and_jobs_have_an_upper_bound(string section, string error)
    {
        using var repository = new TempDir("config");
        repository.Write("nightshift.yml", "version: 1\n" + section);

        var run = await Cli.RunAsync(repository.Path, "config");

        run.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        run.Error.Should().Contain(error);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("bench", "run", "suite.yml", "--jobs", "1000")]
    [InlineData("eval", "--jobs", "1000")]
    [InlineData("learn", "--jobs", "1000")]
    [InlineData("koans", "check", "--jobs", "1000")]
    public async Task Jobs_options_have_an_upper_bound(params string[] args)
    {
        using var repository = new TempDir("config");

        var run = await Cli.RunAsync(repository.Path, args);

        run.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        run.Error.Should().Contain("--jobs must be at most 256, got 1000");
    }
}
