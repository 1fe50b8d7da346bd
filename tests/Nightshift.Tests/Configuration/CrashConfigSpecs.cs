using Nightshift.Configuration;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Configuration;

/// <summary>The crash section: watch, repro and its timeout, poll and settle, and the service, with their mistakes.</summary>
public sealed class CrashConfigSpecs
{
    private const string Minimal = "version: 1\ncrash:\n  watch: crashes/\n";

    [Fact(Timeout = 10_000)]
    public async Task Poll_settle_and_the_repro_timeout_have_defaults()
    {
        await Task.Yield();

        var crash = ConfigLoader.LoadText(Minimal, "/r/nightshift.yml").Crash!;

        crash.Poll.Should().Be(TimeSpan.FromSeconds(1));
        crash.Settle.Should().Be(TimeSpan.FromMilliseconds(200));
        crash.ReproTimeout.Should().Be(TimeSpan.FromMinutes(2));
        crash.Service.Should().BeNull();
    }

    [Fact(Timeout = 10_000)]
    public async Task Poll_settle_and_the_repro_timeout_are_read_as_durations()
    {
        await Task.Yield();

        var crash = ConfigLoader.LoadText(
            Minimal + "  repro: [./repro.sh, \"{crash}\"]\n  repro_timeout: 30s\n  poll: 250ms\n  settle: 50ms\n",
            "/r/nightshift.yml").Crash!;

        crash.Repro.Should().Equal("./repro.sh", "{crash}");
        crash.ReproTimeout.Should().Be(TimeSpan.FromSeconds(30));
        crash.Poll.Should().Be(TimeSpan.FromMilliseconds(250));
        crash.Settle.Should().Be(TimeSpan.FromMilliseconds(50));
    }

    [Fact(Timeout = 10_000)]
    public async Task Reuse_names_build_outputs_and_is_empty_by_default()
    {
        await Task.Yield();

        var none = ConfigLoader.LoadText(Minimal, "/r/nightshift.yml").Crash!;
        var one = ConfigLoader.LoadText(Minimal + "  reuse: target\n", "/r/nightshift.yml").Crash!;
        var two = ConfigLoader.LoadText(Minimal + "  reuse: [target, build/obj]\n", "/r/nightshift.yml");

        none.Reuse.Should().BeEmpty();
        one.Reuse.Should().Equal("target");
        two.Crash!.Reuse.Should().Equal("target", "build/obj");
        ConfigPrinter.ToJson(two)["crash"]!["reuse"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("target", "build/obj");
    }

    [Fact(Timeout = 10_000)]
    public async Task The_printed_configuration_shows_the_crash_keys()
    {
        await Task.Yield();
        var config = ConfigLoader.LoadText(Minimal + "  poll: 2s\n", "/r/nightshift.yml");

        var crash = ConfigPrinter.ToJson(config)["crash"]!;

        crash["poll"]!.GetValue<string>().Should().Be("2s");
        crash["settle"]!.GetValue<string>().Should().Be("200ms");
        crash["repro_timeout"]!.GetValue<string>().Should().Be("2m");
    }

    [Theory(Timeout = 10_000)]
    [InlineData("  poll: fast\n", "crash.poll", "'fast' is not a duration")]
    [InlineData("  poll: 10\n", "crash.poll", "'10' is not a duration (a duration needs a unit)")]
    [InlineData("  settle: 0s\n", "crash.settle", "must be longer than zero")]
    [InlineData("  settle: [1s]\n", "crash.settle", "expected a duration")]
    [InlineData("  repro_timeout: -5s\n", "crash.repro_timeout", "'-5s' is not a duration")]
    [InlineData("  pol: 1s\n", "crash.pol", "unknown key")]
    [InlineData("  reuse: [/var/cache/target]\n", "crash.reuse", "'/var/cache/target' is not inside the repository")]
    [InlineData("  reuse: [../target]\n", "crash.reuse", "'../target' is not inside the repository")]
    [InlineData("  service:\n    start: [svc]\n    health: ftp://x/health\n", "crash.service.health", "")]
    [InlineData("  service:\n    stop: [svc, stop]\n", "crash.service.start", "missing")]
    [InlineData("  service:\n    start: [svc]\n    grace: soon\n", "crash.service.grace", "'soon' is not a duration")]
    public async Task A_malformed_crash_key_is_an_error_that_names_it(string lines, string key, string problem)
    {
        await Task.Yield();

        var load = () => ConfigLoader.LoadText(Minimal + lines, "/r/nightshift.yml");

        var errors = load.Should().Throw<ConfigException>().Which.Errors;
        errors.Should().Contain(e => e.Key == key && e.Problem.StartsWith(problem, StringComparison.Ordinal),
            "the errors were:\n" + string.Join("\n", errors));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_crash_section_without_watch_says_what_watch_is_for()
    {
        await Task.Yield();

        var load = () => ConfigLoader.LoadText("version: 1\ncrash:\n  poll: 1s\n", "/r/nightshift.yml");

        load.Should().Throw<ConfigException>().Which.Errors
            .Should().Contain(e => e.Key == "crash.watch" && e.Problem.Contains("where crash reports appear", StringComparison.Ordinal));
    }

    [Fact(Timeout = 10_000)]
    public async Task The_replay_agent_may_read_a_directory_of_recordings_such_as_one_fix_per_crash()
    {
        await Task.Yield();
        using var dir = new TempDir("replay-dir");
        Directory.CreateDirectory(dir["recordings"]);
        var file = dir.Write("nightshift.yml", "version: 1\nagent:\n  provider: replay\n  replay: recordings\n");

        var config = ConfigLoader.Load(file);

        config.Agent.Replay.Should().Be("recordings");
    }
}
