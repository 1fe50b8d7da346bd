using System.Text.Json.Nodes;
using Nightshift.Diagnostics.Crashes;
using Nightshift.Sessions;
using Nightshift.Tests.CrashWatch.Parsing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.CrashWatch;

/// <summary><c>nightshift crash parse</c>: what crash-watch makes of a report, checked before a night, touching nothing.</summary>
public sealed class CrashParseCommandSpecs
{
    private const string Report = "trinitycore-azerothcore-lowercase.txt";

    /// <summary>A repository laid out like AzerothCore, in mixed case, with the lower-cased crash log of its server.</summary>
    private static async Task<GitRepo> ServerRepoAsync()
    {
        var repo = await GitRepo.InitAsync("crash-parse");
        foreach (var file in new[]
                 {
                     "src/server/game/LuaEngine/ServerHooks.cpp", "src/server/game/Entities/Player/Player.cpp",
                     "src/server/game/Handlers/CharacterHandler.cpp", "src/server/game/Server/WorldSession.cpp",
                 })
        {
            repo.Write(file, "// server\n");
        }

        await repo.CommitAllAsync("server");
        repo.Write("logs/crash.txt", CrashFixture.Read(Report));
        repo.Write("logs/server.log", "2024-05-11 23:02:01 INFO world initialized\n");
        return repo;
    }

    [Fact(Timeout = 60_000)]
    public async Task It_prints_the_format_kind_signature_and_frames_with_own_ones_marked_and_resolved_to_the_repository_file()
    {
        using var repo = await ServerRepoAsync();

        var result = await CliRun.InProcessAsync(repo.Path, ["crash", "parse", "logs/crash.txt"]);

        result.ExitCode.Should().Be(0, result.Err);
        var lines = result.Out.Split('\n');
        lines[0].Should().Be("logs/crash.txt: trinitycore ACCESS_VIOLATION");
        lines.Should().Contain(
            "  signature: ACCESS_VIOLATION @ ServerHooks::OnPlayerLogin (serverhooks.cpp) < Player::LoadFromDB (player.cpp)"
            + " < WorldSession::HandlePlayerLogin (characterhandler.cpp)");
        lines.Single(line => line.Contains("serverhooks.cpp:251", StringComparison.Ordinal)).Should()
            .StartWith("  * #0 ").And.EndWith("-> src/server/game/LuaEngine/ServerHooks.cpp");
        lines.Where(line => line.StartsWith("  * ", StringComparison.Ordinal)).Should().HaveCount(4);
        lines.Single(line => line.Contains("BaseThreadInitThunk", StringComparison.Ordinal)).Should().StartWith("    #4 ");
    }

    [Fact(Timeout = 60_000)]
    public async Task Json_gives_every_report_with_its_frames_and_says_which_it_did_not_recognise()
    {
        using var repo = await ServerRepoAsync();

        var result = await CliRun.InProcessAsync(repo.Path, ["crash", "parse", "logs/crash.txt", "logs/server.log", "--json"]);

        result.ExitCode.Should().Be(0, "one of the two is a crash report");
        var reports = JsonNode.Parse(result.Out)!.AsArray();
        reports.Should().HaveCount(2);
        var crash = reports[0]!;
        crash["recognized"]!.GetValue<bool>().Should().BeTrue();
        crash["format"]!.GetValue<string>().Should().Be(CrashFormats.TrinityCore);
        crash["kind"]!.GetValue<string>().Should().Be("ACCESS_VIOLATION");
        crash["signature"]!.GetValue<string>().Should().StartWith("ACCESS_VIOLATION @ ServerHooks::OnPlayerLogin (serverhooks.cpp)");
        var frames = crash["frames"]!.AsArray();
        frames[1]!["own"]!.GetValue<bool>().Should().BeTrue();
        frames[1]!["repository_file"]!.GetValue<string>().Should().Be("src/server/game/Entities/Player/Player.cpp");
        frames[5]!["own"]!.GetValue<bool>().Should().BeFalse();
        frames[5]!["repository_file"].Should().BeNull();
        reports[1]!["file"]!.GetValue<string>().Should().Be("logs/server.log");
        reports[1]!["recognized"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_format_is_reported_as_the_parser_reads_it()
    {
        using var dir = new TempDir("crash-parse-all");
        var files = CrashFixture.Names.Select(name => dir.Write(name, CrashFixture.Read(name))).ToArray();

        var result = await CliRun.InProcessAsync(dir.Path, ["crash", "parse", .. files, "--json"]);

        result.ExitCode.Should().Be(0, result.Err);
        var reports = JsonNode.Parse(result.Out)!.AsArray();
        reports.Select(report => report!["format"]!.GetValue<string>()).Should()
            .Equal(CrashFixture.Names.Select(name => CrashFixture.Parse(name).Format));
        reports.Select(report => report!["format"]!.GetValue<string>()).Distinct().Should().HaveCount(9);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_file_is_a_usage_error_that_names_it()
    {
        using var repo = await ServerRepoAsync();

        var result = await CliRun.InProcessAsync(repo.Path, ["crash", "parse", "logs/crash.txt", "logs/nope.txt"]);

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("logs/nope.txt: no such file");
        result.Out.Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task When_no_report_is_recognised_it_says_so_and_fails()
    {
        using var repo = await ServerRepoAsync();

        var result = await CliRun.InProcessAsync(repo.Path, ["crash", "parse", "logs/server.log"]);

        result.ExitCode.Should().Be(1);
        result.Out.Should().Be("logs/server.log: not a crash report of a known format (or not complete yet)\n");
    }

    [Fact(Timeout = 60_000)]
    public async Task It_runs_while_a_session_holds_the_lock_and_leaves_the_checkout_as_it_was()
    {
        using var repo = await ServerRepoAsync();
        using var held = SessionLock.Acquire(NightshiftFolder.Of(repo[".nightshift"]), "crash-watch");
        var before = await repo.FingerprintAsync();

        var result = await CliRun.InProcessAsync(repo.Path, ["crash", "parse", "logs/crash.txt"]);

        result.ExitCode.Should().Be(0, result.Err);
        (await repo.FingerprintAsync()).Should().Equal(before);
    }

    [Fact(Timeout = 60_000)]
    public async Task Help_shows_an_example()
    {
        using var dir = new TempDir("crash-parse-help");

        var result = await CliRun.InProcessAsync(dir.Path, ["crash", "parse", "--help"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("Example: nightshift crash parse ").And.Contain("--json");
    }
}
