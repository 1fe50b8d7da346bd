using System.Text.Json;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Cli;

public sealed class BaselineRustCorpusSpecs(BaselineRustCorpus corpus) : IClassFixture<BaselineRustCorpus>
{
    [Fact(Timeout = 180_000)]
    public async Task Baseline_counts_every_error_code_exactly_as_rustc_reports_it()
    {
        var oracle = await corpus.OracleAsync();
        var json = await corpus.FirstJsonAsync();

        var clusters = json.GetProperty("clusters").EnumerateArray().ToList();
        var errorsByCode = clusters.Where(c => c.GetProperty("severity").GetString() == "error")
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("count").GetInt32());
        var itemsByCode = clusters.Where(c => c.GetProperty("severity").GetString() == "error")
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("items").GetInt32());

        errorsByCode.Should().BeEquivalentTo(RustcOracle.Totals(oracle));
        itemsByCode.Should().BeEquivalentTo(RustcOracle.Totals(oracle).ToDictionary(t => t.Key, t => oracle.Count(o => o.ErrorCodes.ContainsKey(t.Key))));
        json.GetProperty("items").GetInt32().Should().Be(oracle.Count);
        json.GetProperty("items_failing").GetInt32().Should().Be(oracle.Count(o => !o.Compiles || o.Errors > 0));
        json.GetProperty("errors").GetInt32().Should().Be(oracle.Sum(o => o.Errors));
        json.GetProperty("cached").GetInt32().Should().Be(0);
        clusters.Should().OnlyContain(c => c.GetProperty("tool").GetString() == "rustc"
            && c.GetProperty("key").GetString() == $"rustc:{c.GetProperty("severity").GetString()}:{c.GetProperty("code").GetString()}");
    }

    [Fact(Timeout = 180_000)]
    public async Task Each_cluster_shows_its_first_diagnostic_with_a_relative_path_as_the_example()
    {
        var json = await corpus.FirstJsonAsync();

        var top = json.GetProperty("clusters")[0];
        top.GetProperty("example").GetString().Should().MatchRegex(@"^corpus/p\d{3}_\w+\.rs:\d+:\d+: \S");
        json.GetProperty("snapshot").GetInt64().Should().BePositive();
    }

    [Fact(Timeout = 180_000)]
    public async Task A_second_run_reruns_no_item_and_says_so()
    {
        var first = await corpus.FirstJsonAsync();
        using var clone = await corpus.CloneAsync();

        var human = await CliRun.InProcessAsync(clone.Path, ["baseline"]);
        var json = await CliRun.InProcessAsync(clone.Path, ["baseline", "--json"]);

        var items = first.GetProperty("items").GetInt32();
        human.ExitCode.Should().Be(ExitCodes.Ok, human.Err);
        human.Out.Should().Contain($"{items} items").And.Contain($"{items} cached");
        human.Err.Should().Be($"probed {items} items in {human.Err.Split(" in ")[1].Split(' ')[0]} s (0 run, {items} cached)\n");
        using var second = JsonDocument.Parse(json.Out);
        second.RootElement.GetProperty("cached").GetInt32().Should().Be(items);
        second.RootElement.GetProperty("clusters").GetRawText().Should().Be(first.GetProperty("clusters").GetRawText());
        second.RootElement.GetProperty("snapshot").GetInt64().Should().Be(first.GetProperty("snapshot").GetInt64() + 2);
    }

    [Fact(Timeout = 180_000)]
    public async Task Changing_one_item_reruns_exactly_that_one()
    {
        var items = (await corpus.FirstJsonAsync()).GetProperty("items").GetInt32();
        using var clone = await corpus.CloneAsync();
        var item = Directory.GetFiles(clone["corpus"], "*.rs").Order(StringComparer.Ordinal).First();
        await File.AppendAllTextAsync(item, "\n// touched: the content changed, the diagnostics did not\n");

        var run = await CliRun.InProcessAsync(clone.Path, ["baseline", "--json"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("cached").GetInt32().Should().Be(items - 1);
        run.Err.Should().Contain("(1 run, ");
    }

    [Fact(Timeout = 180_000)]
    public async Task Fixing_one_item_shows_in_the_diff_of_the_last_two_snapshots()
    {
        var oracle = await corpus.OracleAsync();
        var totals = RustcOracle.Totals(oracle);
        // An item with a code no other item has: fixing it makes that cluster vanish.
        var fixedItem = oracle.First(o => o.ErrorCodes.Any(c => totals[c.Key] == c.Value));
        using var clone = await corpus.CloneAsync();
        await CliRun.InProcessAsync(clone.Path, ["baseline"]);
        await File.WriteAllTextAsync(clone[Path.Combine("corpus", Path.GetFileName(fixedItem.File))], "fn main() {}\n");
        await CliRun.InProcessAsync(clone.Path, ["baseline"]);

        var diff = await CliRun.InProcessAsync(clone.Path, ["diff", "previous", "last", "--json"]);

        diff.ExitCode.Should().Be(ExitCodes.Ok, diff.Err);
        using var json = JsonDocument.Parse(diff.Out);
        var root = json.RootElement;
        root.GetProperty("totals").GetProperty("errors").GetProperty("delta").GetInt32().Should().Be(-fixedItem.Errors);
        root.GetProperty("totals").GetProperty("items_failing").GetProperty("delta").GetInt32().Should().Be(-1);
        var deltas = root.GetProperty("clusters").EnumerateArray()
            .Where(c => c.GetProperty("delta").GetInt32() != 0)
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => -c.GetProperty("delta").GetInt32());
        deltas.Should().BeEquivalentTo(fixedItem.ErrorCodes);
        root.GetProperty("vanished").EnumerateArray().Select(k => k.GetString()).Should().BeEquivalentTo(
            fixedItem.ErrorCodes.Where(c => totals[c.Key] == c.Value).Select(c => $"rustc:error:{c.Key}"));
        root.GetProperty("new").GetArrayLength().Should().Be(0);
    }

    [Fact(Timeout = 180_000)]
    public async Task Sarif_output_has_one_result_per_diagnostic_with_its_rule_and_location()
    {
        var oracle = await corpus.OracleAsync();
        using var clone = await corpus.CloneAsync();

        var run = await CliRun.InProcessAsync(clone.Path, ["baseline", "--sarif", "out/baseline.sarif"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(clone["out/baseline.sarif"]));
        var rustc = sarif.RootElement.GetProperty("runs").EnumerateArray().Single();
        rustc.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString().Should().Be("rustc");
        var results = rustc.GetProperty("results").EnumerateArray().ToList();
        results.Where(r => r.GetProperty("level").GetString() == "error")
            .GroupBy(r => r.GetProperty("ruleId").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count())
            .Should().BeEquivalentTo(RustcOracle.Totals(oracle));
        results.Should().OnlyContain(r => r.GetProperty("locations")[0].GetProperty("physicalLocation")
            .GetProperty("artifactLocation").GetProperty("uri").GetString()!.StartsWith("corpus/"));
    }

    [Fact(Timeout = 180_000)]
    public async Task The_real_binary_runs_a_baseline_with_one_plain_line_on_stderr()
    {
        var items = (await corpus.FirstJsonAsync()).GetProperty("items").GetInt32();
        using var clone = await corpus.CloneAsync();

        var run = await CliRun.SubprocessAsync(clone.Path, ["baseline", "--json"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("items").GetInt32().Should().Be(items);
        json.RootElement.GetProperty("cached").GetInt32().Should().Be(items);
        run.Err.Should().MatchRegex(@"^probed \d+ items in [\d.]+ s \(0 run, \d+ cached\)\n$").And.NotContain("\u001b");
    }
}
