using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Probing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Probing;

public sealed class CommandProbeSpecs : IDisposable
{
    private readonly TempDir _repo = new("command-probe");
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact(Timeout = 30_000)]
    public async Task The_command_runs_in_the_root_and_its_output_is_one_item_of_parsed_diagnostics()
    {
        var script = "printf '%s\\n' \"src/main.c:3:5: error: 'x' undeclared ($(pwd))\" 'src/util.c:7:1: warning: unused variable [-Wunused-variable]' >&2; exit 1";

        var snapshot = await new CommandProbe(Gcc(ConfiguredCommand.Shell(script)), runner: TestSandbox.Runner()).RunAsync(_repo.Path, ProbeOptions.Default, null, _ct);

        var item = snapshot.Items.Should().ContainSingle().Which;
        item.Item.Should().Be(CommandProbe.ItemName);
        item.ExitCode.Should().Be(1);
        item.Cached.Should().BeFalse();
        item.Diagnostics.Should().HaveCount(2, "errors were reported, so no synthetic one is added")
            .And.OnlyContain(d => d.Item == CommandProbe.ItemName && d.Tool == "gcc");
        item.Diagnostics[0].Message.Should().Be($"'x' undeclared ({_repo.Path})");
        item.Diagnostics[1].Code.Should().Be("-Wunused-variable");
        snapshot.Clusters.Should().OnlyContain(c => c.Items.Count == 1);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_command_that_fails_without_reporting_an_error_leaves_a_step_failed_diagnostic()
    {
        var snapshot = await new CommandProbe(Gcc(ConfiguredCommand.Shell("echo 'could not find Makefile' >&2; exit 2")), runner: TestSandbox.Runner())
            .RunAsync(_repo.Path, ProbeOptions.Default, null, _ct);

        var diagnostic = snapshot.Diagnostics.Should().ContainSingle().Which;
        diagnostic.Code.Should().Be(ProbeFailures.StepFailedCode);
        diagnostic.Location.Should().BeNull();
        diagnostic.Message.Should().Contain("exited with code 2").And.Contain("could not find Makefile");
        snapshot.ItemsFailing.Should().Be(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_command_over_the_probe_timeout_is_reported_as_a_probe_timeout()
    {
        var config = Gcc(ConfiguredCommand.Argv([Binaries.Dummy, "sleep", "60"])) with { Timeout = TimeSpan.FromSeconds(1) };

        var snapshot = await new CommandProbe(config, runner: TestSandbox.Runner()).RunAsync(_repo.Path, ProbeOptions.Default, null, _ct);

        snapshot.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(ProbeFailures.TimeoutCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_command_that_cannot_start_means_the_probe_cannot_run()
    {
        await Task.Yield();
        var probe = new CommandProbe(Gcc(ConfiguredCommand.Argv(["no-such-build-tool-xyz", "all"])), runner: TestSandbox.Runner());

        var run = () => probe.RunAsync(_repo.Path, ProbeOptions.Default, null, _ct);

        (await run.Should().ThrowAsync<ProbeException>()).Which.Message.Should().Contain("no-such-build-tool-xyz");
    }

    [Fact(Timeout = 30_000)]
    public async Task The_factory_builds_the_probe_the_configuration_describes()
    {
        await Task.Yield();

        ProbeFactory.Create(Gcc(ConfiguredCommand.Argv(["make"]))).Should().BeOfType<CommandProbe>();
        ProbeFactory.Create(ProbeRepo.Corpus()).Should().BeOfType<CorpusProbe>();
        ((CorpusProbe)ProbeFactory.Create(ProbeRepo.Corpus(jobs: 0))).Jobs.Should().Be(Environment.ProcessorCount);
    }

    public void Dispose() => _repo.Dispose();

    private static ProbeConfig Gcc(ConfiguredCommand command) => new() { Command = command, Format = DiagnosticFormat.Gcc };
}
