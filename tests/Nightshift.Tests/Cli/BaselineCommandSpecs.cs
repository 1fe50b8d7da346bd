using System.Text.Json;
using Nightshift.Files;
using Nightshift.Probing;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Tests.Probing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Cli;

public sealed class BaselineCommandSpecs : IDisposable
{
    private readonly ProbeRepo _repo = new();

    [Fact(Timeout = 30_000)]
    public async Task The_table_ranks_clusters_with_count_share_items_and_example_and_the_snapshot_is_journaled()
    {
        _repo.CorpusConfig();
        _repo.AddItem("a.txt", "src/a.c:3:5: error: 'x' undeclared", "src/a.c:4:9: warning: unused variable 'y' [-Wunused-variable]");
        _repo.AddItem("b.txt", "src/b.c:1:2: error: 'z' undeclared", "src/b.c:2:2: error: 'w' undeclared");

        var run = await CliRun.InProcessAsync(_repo.Root, ["baseline"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        var lines = run.Out.Split('\n').Select(l => l.TrimEnd()).ToList();
        lines[0].Should().Be("Snapshot 1: 2 items, 2 failing; 3 errors, 1 warnings; 0 cached.");
        lines.Should().Contain(l => l.Contains("code") && l.Contains("count") && l.Contains("share") && l.Contains("items") && l.Contains("example"));
        var rows = lines.Where(l => l.TrimStart().StartsWith("1 ") || l.TrimStart().StartsWith("2 ")).ToList();
        rows.Should().HaveCount(2);
        rows[0].Should().MatchRegex(@"^\s*1\s+'\{\}' undeclared\s+error\s+3\s+75\.0%\s+2\s+src/a\.c:3:5: 'x' undeclared$");
        rows[1].Should().MatchRegex(@"^\s*2\s+-Wunused-variable\s+warning\s+1\s+25\.0%\s+1\s+src/a\.c:4:9: unused variable 'y'$");
        run.Out.Should().NotContain("\u001b");

        await using var journal = Journal.Open(NightshiftPaths.For(_repo.Root).Journal);
        var saved = (await journal.LatestSnapshotsAsync(1, null, CancellationToken.None)).Single();
        saved.Should().Match<SnapshotRow>(s => s.Items == 2 && s.ItemsFailing == 2 && s.Errors == 3 && s.Warnings == 1 && s.SessionId == null);
        saved.Clusters.Select(c => (c.Key, c.Count, c.Items)).Should().Equal(
            ("gcc:error:'{}' undeclared", 3, 2), ("gcc:warning:-Wunused-variable", 1, 1));
        var payload = SnapshotPayload.Read(saved.PayloadJson)!;
        payload.Items.Select(i => (i.Item, i.Errors, i.Warnings, i.Cached)).Should().Equal(("items/a.txt", 1, 1, false), ("items/b.txt", 2, 0, false));
        payload.Examples["gcc:error:'{}' undeclared"].Should().Be("src/a.c:3:5: 'x' undeclared");
    }

    [Fact(Timeout = 30_000)]
    public async Task Json_has_exactly_the_documented_shape()
    {
        _repo.CorpusConfig();
        _repo.AddItem("a.txt", "src/a.c:3:5: error: 'x' undeclared", "src/a.c:4:9: warning: unused variable 'y' [-Wunused-variable]");

        var run = await CliRun.InProcessAsync(_repo.Root, ["baseline", "--json"]);

        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("snapshot", "items", "items_failing", "errors", "warnings", "cached", "clusters");
        var cluster = root.GetProperty("clusters")[1];
        cluster.EnumerateObject().Select(p => p.Name).Should().Equal("key", "tool", "code", "severity", "count", "items", "example");
        cluster.GetProperty("key").GetString().Should().Be("gcc:warning:-Wunused-variable");
        cluster.GetProperty("code").GetString().Should().Be("-Wunused-variable");
        cluster.GetProperty("severity").GetString().Should().Be("warning");
        root.GetProperty("clusters")[0].GetProperty("code").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact(Timeout = 30_000)]
    public async Task No_cache_runs_every_item_again()
    {
        _repo.CorpusConfig();
        _repo.AddItem("a.txt", "src/a.c:3:5: error: 'x' undeclared");
        await CliRun.InProcessAsync(_repo.Root, ["baseline"]);

        var cached = await CliRun.InProcessAsync(_repo.Root, ["baseline", "--json"]);
        var uncached = await CliRun.InProcessAsync(_repo.Root, ["baseline", "--json", "--no-cache"]);

        JsonDocument.Parse(cached.Out).RootElement.GetProperty("cached").GetInt32().Should().Be(1);
        JsonDocument.Parse(uncached.Out).RootElement.GetProperty("cached").GetInt32().Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task Steps_that_crash_or_time_out_show_up_as_nightshift_clusters_and_the_baseline_still_succeeds()
    {
        _repo.CorpusConfig(
            steps: "      - [sh, -c, 'case \"$1\" in slow) exec sleep 60;; broken) exit 3;; esac', sh, \"{stem}\"]",
            extra: "");
        _repo.Write("nightshift.yml", File.ReadAllText(_repo["nightshift.yml"]).Replace("item_timeout: 20s", "item_timeout: 1s"));
        _repo.AddItem("slow.txt");
        _repo.AddItem("broken.txt");
        _repo.AddItem("fine.txt");

        var run = await CliRun.InProcessAsync(_repo.Root, ["baseline", "--json"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("items_failing").GetInt32().Should().Be(2);
        json.RootElement.GetProperty("clusters").EnumerateArray()
            .Select(c => (c.GetProperty("key").GetString(), c.GetProperty("count").GetInt32(), c.GetProperty("example").GetString()![..16]))
            .Should().BeEquivalentTo([
                ("nightshift:error:probe-timeout", 1, "items/slow.txt: "),
                ("nightshift:error:step-failed", 1, "items/broken.txt"),
            ]);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_one_command_probe_reports_the_command_as_a_single_item()
    {
        _repo.Config("""
              command: "printf 'src/a.c:1:2: error: boom\nsrc/b.c:3:4: error: boom\n' >&2; exit 1"
              format: gcc
            """);

        var run = await CliRun.InProcessAsync(_repo.Root, ["baseline", "--json"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("items").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("items_failing").GetInt32().Should().Be(1);
        var cluster = json.RootElement.GetProperty("clusters").EnumerateArray().Should().ContainSingle().Which;
        cluster.GetProperty("count").GetInt32().Should().Be(2);
        cluster.GetProperty("items").GetInt32().Should().Be(1);
        cluster.GetProperty("example").GetString().Should().Be("src/a.c:1:2: boom");
        run.Err.Should().StartWith("probed 1 item in ");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_cargo_check_probe_counts_the_crates_errors()
    {
        _repo.Write("Cargo.toml", "[package]\nname = \"tiny\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n");
        _repo.Write("src/main.rs", "fn main() {\n    let n: u32 = \"three\";\n    let m: u32 = \"four\";\n    println!(\"{}\", n + m + undefined);\n}\n");
        _repo.Config($"""
              command: [cargo, check, --offline, --quiet, --message-format=json, --target-dir, "{_repo["target"]}"]
              format: cargo-json
            """);

        var run = await CliRun.InProcessAsync(_repo.Root, ["baseline", "--json"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("clusters").EnumerateArray()
            .Where(c => c.GetProperty("severity").GetString() == "error")
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("count").GetInt32())
            .Should().BeEquivalentTo(new Dictionary<string, int> { ["E0308"] = 2, ["E0425"] = 1 });
        json.RootElement.GetProperty("clusters")[0].GetProperty("example").GetString().Should().StartWith("src/main.rs:2:");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_baseline_while_a_night_holds_the_lock_exits_3_and_runs_nothing()
    {
        _repo.CorpusConfig(steps: "      - [sh, -c, 'touch ran']");
        _repo.AddItem("a.txt");
        using var night = SessionLock.Acquire(NightshiftFolder.Of(_repo[".nightshift"]), "run");

        var run = await CliRun.InProcessAsync(_repo.Root, ["baseline"]);

        run.ExitCode.Should().Be(ExitCodes.Locked);
        run.Err.Should().Contain("another nightshift").And.Contain("'run'");
        run.Out.Should().BeEmpty();
        File.Exists(_repo["ran"]).Should().BeFalse();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_corpus_glob_that_matches_nothing_is_a_config_error_with_exit_code_2()
    {
        _repo.CorpusConfig();

        var run = await CliRun.InProcessAsync(_repo.Root, ["baseline"]);

        run.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        run.Err.Should().MatchRegex(@"nightshift\.yml:\d+:\d+: probe\.corpus\.items: 'items/\*\.txt' matches no file");
        run.Out.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_a_configuration_or_a_probe_section_the_exit_code_is_2()
    {
        var missing = await CliRun.InProcessAsync(_repo.Root, ["baseline"]);
        _repo.Write("nightshift.yml", "version: 1\n");
        var noProbe = await CliRun.InProcessAsync(_repo.Root, ["baseline"]);

        missing.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        missing.Err.Should().Contain("nightshift init");
        noProbe.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        noProbe.Err.Should().Contain("'probe'").And.Contain("nightshift baseline");
    }

    [Fact(Timeout = 30_000)]
    public async Task Baseline_is_found_from_a_subdirectory_and_probes_the_configurations_folder()
    {
        _repo.CorpusConfig();
        _repo.AddItem("a.txt", "src/a.c:3:5: error: 'x' undeclared");
        Directory.CreateDirectory(_repo["src/deep"]);

        var run = await CliRun.InProcessAsync(_repo["src/deep"], ["baseline", "--json"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("errors").GetInt32().Should().Be(1);
        File.Exists(NightshiftPaths.For(_repo.Root).Journal).Should().BeTrue();
    }

    public void Dispose() => _repo.Dispose();
}
