using System.Text.Json;
using Nightshift.Tests.Probing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Cli;

public sealed class BaselineDiffSpecs : IDisposable
{
    private readonly ProbeRepo _repo = new();

    public BaselineDiffSpecs()
    {
        _repo.CorpusConfig();
        _repo.AddItem("a.txt", "src/a.c:3:5: error: 'x' undeclared", "src/a.c:4:9: warning: unused variable 'y' [-Wunused-variable]");
        _repo.AddItem("b.txt", "src/b.c:1:2: error: 'z' undeclared", "src/b.c:2:2: error: 'w' undeclared");
        _repo.AddItem("c.txt", "src/c.c:7:1: warning: unused variable 'k' [-Wunused-variable]");
    }

    [Fact(Timeout = 30_000)]
    public async Task After_fixing_an_item_the_diff_of_previous_and_last_shows_each_clusters_delta_and_what_is_new_or_gone()
    {
        await BaselineAsync();
        _repo.AddItem("a.txt", "src/a.c:3:5: error: expected ';' before '}' token");
        _repo.AddItem("c.txt");
        await BaselineAsync();

        var run = await CliRun.InProcessAsync(_repo.Root, ["diff", "previous", "last", "--json"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.GetProperty("before").GetProperty("snapshot").GetInt64().Should().Be(1);
        root.GetProperty("after").GetProperty("snapshot").GetInt64().Should().Be(2);
        Change(root.GetProperty("totals").GetProperty("errors")).Should().Be((3, 3, 0));
        Change(root.GetProperty("totals").GetProperty("warnings")).Should().Be((2, 0, -2));
        Change(root.GetProperty("totals").GetProperty("items_failing")).Should().Be((2, 2, 0));
        root.GetProperty("clusters").EnumerateArray()
            .Select(c => (c.GetProperty("key").GetString(), c.GetProperty("before").GetInt32(), c.GetProperty("after").GetInt32(),
                c.GetProperty("delta").GetInt32(), c.GetProperty("status").GetString()))
            .Should().Equal(
                ("gcc:warning:-Wunused-variable", 2, 0, -2, "vanished"),
                ("gcc:error:'{}' undeclared", 3, 2, -1, "changed"),
                ("gcc:error:expected '{}' before '{}' token", 0, 1, 1, "new"));
        root.GetProperty("new").EnumerateArray().Select(k => k.GetString()).Should().Equal("gcc:error:expected '{}' before '{}' token");
        root.GetProperty("vanished").EnumerateArray().Select(k => k.GetString()).Should().Equal("gcc:warning:-Wunused-variable");
    }

    [Fact(Timeout = 30_000)]
    public async Task Snapshots_can_be_named_by_id_and_the_default_is_previous_against_last()
    {
        await BaselineAsync();
        _repo.AddItem("b.txt");
        await BaselineAsync();
        await BaselineAsync();

        var byId = await CliRun.InProcessAsync(_repo.Root, ["diff", "1", "3", "--json"]);
        var defaults = await CliRun.InProcessAsync(_repo.Root, ["diff", "--json"]);

        using var first = JsonDocument.Parse(byId.Out);
        first.RootElement.GetProperty("totals").GetProperty("errors").GetProperty("delta").GetInt32().Should().Be(-2);
        using var latest = JsonDocument.Parse(defaults.Out);
        latest.RootElement.GetProperty("before").GetProperty("snapshot").GetInt64().Should().Be(2);
        latest.RootElement.GetProperty("after").GetProperty("snapshot").GetInt64().Should().Be(3);
        latest.RootElement.GetProperty("clusters").EnumerateArray().Should().OnlyContain(c => c.GetProperty("status").GetString() == "unchanged");
    }

    [Fact(Timeout = 30_000)]
    public async Task The_table_lists_only_the_clusters_that_changed()
    {
        await BaselineAsync();
        _repo.AddItem("c.txt");
        await BaselineAsync();

        var run = await CliRun.InProcessAsync(_repo.Root, ["diff", "previous", "last"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        var lines = run.Out.Split('\n').Select(l => l.TrimEnd()).ToList();
        lines[0].Should().MatchRegex(@"^Snapshot 1 \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\) → snapshot 2 \(.+\)$");
        lines[1].Should().Be("errors 3 → 3 (0), warnings 2 → 1 (-1), items failing 2 → 2 (0), items 3 → 3 (0)");
        lines.Should().ContainSingle(l => l.Contains("gcc:warning:-Wunused-variable")).Which.Should().MatchRegex(@"\s2\s+1\s+-1\s*$");
        lines.Should().NotContain(l => l.Contains("undeclared"));
        lines.Should().Contain("0 new, 0 vanished, 1 unchanged cluster.");
    }

    [Fact(Timeout = 30_000)]
    public async Task Naming_a_snapshot_that_does_not_exist_is_a_usage_error()
    {
        var noJournal = await CliRun.InProcessAsync(_repo.Root, ["diff"]);
        await BaselineAsync();
        var onlyOne = await CliRun.InProcessAsync(_repo.Root, ["diff", "previous", "last"]);
        var unknown = await CliRun.InProcessAsync(_repo.Root, ["diff", "1", "42"]);
        var nonsense = await CliRun.InProcessAsync(_repo.Root, ["diff", "1", "yesterday"]);

        noJournal.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        noJournal.Err.Should().Contain("nightshift baseline");
        onlyOne.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        onlyOne.Err.Should().Contain("'previous'").And.Contain("holds 1");
        unknown.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        unknown.Err.Should().Contain("no snapshot 42");
        nonsense.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        nonsense.Err.Should().Contain("'yesterday'");
    }

    public void Dispose() => _repo.Dispose();

    private static (int Before, int After, int Delta) Change(JsonElement total) =>
        (total.GetProperty("before").GetInt32(), total.GetProperty("after").GetInt32(), total.GetProperty("delta").GetInt32());

    private async Task BaselineAsync()
    {
        var run = await CliRun.InProcessAsync(_repo.Root, ["baseline"]);
        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
    }
}
