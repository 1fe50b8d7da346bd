using System.CommandLine;
using System.Text.RegularExpressions;
using Nightshift.Cli;
using Nightshift.Sessions;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Cli;

public sealed class CliSpecs : IDisposable
{
    private readonly TempDir _workdir = new("cli");

    [Fact(Timeout = 30_000)]
    public async Task Help_lists_every_command_with_a_one_line_description_that_has_an_example()
    {
        var commands = NightshiftApp.CreateRootCommand(new CliHost(_workdir.Path, TextWriter.Null, TextWriter.Null, Interactive: false))
            .Subcommands.Where(command => !command.Hidden).ToList();

        var result = await CliRun.InProcessAsync(_workdir.Path, ["--help"]);

        result.ExitCode.Should().Be(ExitCodes.Ok);
        commands.Should().NotBeEmpty();
        foreach (var command in commands)
        {
            result.Out.Should().MatchRegex($@"(?m)^\s+{Regex.Escape(command.Name)}\s", $"help lists '{command.Name}'");
            command.Description.Should().NotBeNullOrWhiteSpace().And.NotContain("\n").And.Contain("Example:", $"'{command.Name}' shows how to use it");
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Version_prints_the_version_and_exits_0()
    {
        var result = await CliRun.SubprocessAsync(_workdir.Path, ["--version"]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.Err);
        result.Out.Should().StartWith("0.1.0");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unknown_option_is_a_usage_error_explained_on_stderr()
    {
        var result = await CliRun.InProcessAsync(_workdir.Path, ["--frobnicate"]);

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        result.Err.Should().Contain("--frobnicate").And.Contain("nightshift --help");
        result.Out.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task No_command_prints_the_help_on_stderr_and_exits_2()
    {
        var help = await CliRun.InProcessAsync(_workdir.Path, ["--help"]);

        var result = await CliRun.InProcessAsync(_workdir.Path, []);

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        result.Out.Should().BeEmpty();
        result.Err.Should().Be(help.Out);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_held_lock_escaping_a_command_ends_it_with_exit_code_3_and_the_holder_on_stderr()
    {
        var nightshiftDirectory = _workdir[".nightshift"];
        using var held = SessionLock.Acquire(NightshiftFolder.Of(nightshiftDirectory), "run");
        var locking = new Command("lock-it", "Takes the session lock. Example: nightshift lock-it");
        locking.SetAction(_ =>
        {
            using var sessionLock = SessionLock.Acquire(NightshiftFolder.Of(nightshiftDirectory), "lock-it");
        });

        var result = await CliRun.InProcessAsync(_workdir.Path, ["lock-it"], root => root.Add(locking));

        result.ExitCode.Should().Be(ExitCodes.Locked);
        result.Err.Should().StartWith($"nightshift: another nightshift (pid {Environment.ProcessId} ")
            .And.Contain(held.Holder.StartedAtText);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_real_program_exits_2_without_a_command()
    {
        var result = await CliRun.SubprocessAsync(_workdir.Path, [], new Dictionary<string, string?> { ["NO_COLOR"] = "1" });

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        result.Out.Should().BeEmpty();
        result.Err.Should().Contain("Usage:");
    }

    public void Dispose() => _workdir.Dispose();
}
