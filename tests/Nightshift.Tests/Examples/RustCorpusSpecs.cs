using System.Text.RegularExpressions;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Examples;

public sealed partial class RustCorpusSpecs
{
    // Checked once for the whole class: 50-odd rustc runs take a few seconds on two cores.
    private static readonly Lazy<Task<IReadOnlyList<RustcOutcome>>> _outcomes =
        new(() => RustcOracle.CheckAllAsync(RustCorpus.Items, CancellationToken.None));

    [Fact(Timeout = 120_000)]
    public async Task Every_corpus_item_fails_to_compile_with_at_least_one_coded_error()
    {
        var outcomes = await _outcomes.Value;

        outcomes.Should().NotBeEmpty();
        outcomes.Where(o => o.Compiles).Select(o => o.File).Should().BeEmpty("no item may compile cleanly");
        outcomes.Should().OnlyContain(o => o.ExitCode == 1 && o.Errors > 0);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_corpus_is_at_least_40_validly_named_items_over_at_least_12_error_codes()
    {
        var outcomes = await _outcomes.Value;

        var totals = RustcOracle.Totals(outcomes);
        outcomes.Should().HaveCountGreaterThanOrEqualTo(40);
        totals.Keys.Should().HaveCountGreaterThanOrEqualTo(12);
        // The probe step passes the file stem as --crate-name, which must be an identifier.
        outcomes.Select(o => Path.GetFileNameWithoutExtension(o.File))
            .Should().OnlyContain(stem => CrateName().IsMatch(stem));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_largest_cluster_is_larger_than_any_other()
    {
        var outcomes = await _outcomes.Value;

        var sizes = RustcOracle.Totals(outcomes).Values.OrderDescending().ToList();
        sizes[0].Should().BeGreaterThan(sizes[1]);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_readme_table_states_what_rustc_reports_per_code()
    {
        var outcomes = await _outcomes.Value;
        var readme = await File.ReadAllTextAsync(Path.Combine(RustCorpus.Root, "README.md"));

        var rows = ReadmeRow().Matches(readme).ToDictionary(
            m => m.Groups["code"].Value,
            m => (Programs: int.Parse(m.Groups["programs"].Value), Errors: int.Parse(m.Groups["errors"].Value)));
        var actual = RustcOracle.Totals(outcomes).ToDictionary(
            t => t.Key,
            t => (Programs: outcomes.Count(o => o.ErrorCodes.ContainsKey(t.Key)), Errors: t.Value));
        rows.Should().BeEquivalentTo(actual);
    }

    [Fact(Timeout = 300_000)]
    public async Task The_example_crate_tests_pass_offline()
    {
        using var temp = new TempDir("rust-corpus");
        var project = temp["project"];
        RustCorpus.CopyTo(project);
        var environment = new Dictionary<string, string> { ["CARGO_TARGET_DIR"] = temp["target"] };

        var run = await ToolRun.RunAsync(
            "cargo", ["test", "--offline"], project, environment, TimeSpan.FromMinutes(4), CancellationToken.None);

        run.ExitCode.Should().Be(0, run.StandardError);
        run.StandardOutput.Should().Contain("test result: ok").And.NotContain("FAILED");
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex CrateName();

    [GeneratedRegex(@"^\| (?<code>E\d{4}) \| (?<programs>\d+) \| (?<errors>\d+) \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();
}
