using Nightshift.Clustering;
using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;
using Nightshift.Tests.Diagnostics;

namespace Nightshift.Tests.Clustering;

public sealed class ClustererSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Clusters_are_ranked_by_count_then_by_key()
    {
        var diagnostics = new MSBuildParser().Parse(Fixture.Read("msbuild/build.txt"));

        var clusters = Clusterer.Cluster(diagnostics);

        clusters.Select(c => (c.Key.ToString(), c.Count)).Should().Equal(
            ("csc:error:CS0029", 2),
            ("csc:error:CS0103", 1),
            ("csc:warning:CS0168", 1),
            ("csc:warning:CS8618", 1),
            ("msbuild:warning:MSB9008", 1));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_cluster_knows_its_files_items_and_first_example()
    {
        var first = Diagnostic("E0308", "src/b.rs", 9) with { Item = "crate-b" };
        var second = Diagnostic("E0308", "src/a.rs", 30) with { Item = "crate-a" };
        var third = Diagnostic("E0308", "src/a.rs", 4) with { Item = "crate-a" };

        var cluster = Clusterer.Cluster([first, second, third]).Single();

        (cluster.Tool, cluster.Code, cluster.Severity, cluster.Count).Should().Be(("rustc", "E0308", Severity.Error, 3));
        cluster.Files.Should().Equal("src/a.rs", "src/b.rs");
        cluster.Items.Should().Equal("crate-a", "crate-b");
        cluster.Example.Should().BeSameAs(third);
        cluster.Diagnostics.Should().Equal(third, second, first);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Errors_and_warnings_with_the_same_code_are_separate_clusters()
    {
        var diagnostics = new[]
        {
            Diagnostic("unused_variables", "src/a.rs", 1, Severity.Warning),
            Diagnostic("unused_variables", "src/a.rs", 2, Severity.Warning),
            Diagnostic("unused_variables", "src/b.rs", 1, Severity.Error),
        };

        var clusters = Clusterer.Cluster(diagnostics);

        clusters.Select(c => (c.Severity, c.Count)).Should().Equal((Severity.Warning, 2), (Severity.Error, 1));
        clusters.Should().OnlyContain(c => c.Diagnostics.All(d => d.Severity == c.Severity));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Diagnostics_without_a_code_cluster_by_message_template()
    {
        var diagnostics = new PytestParser().Parse(Fixture.Read("pytest/summary.txt"))
            .Where(d => d.Code is null)
            .Append(new Diagnostic("pytest", Severity.Error, null, "fixture 'db' not found", null))
            .Append(new Diagnostic("pytest", Severity.Error, null, "something else broke at line 7", null));

        var clusters = Clusterer.Cluster(diagnostics);

        clusters.Select(c => (c.Key.Template, c.Count)).Should().Equal(
            ("fixture '{}' not found", 2),
            ("something else broke at line {n}", 1));
        clusters[0].Code.Should().BeNull();
        clusters[0].Example.Location!.Line.Should().Be(32, "located diagnostics come before those without a place");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Real_rustc_output_clusters_by_code_across_warnings_and_errors()
    {
        var diagnostics = new CargoJsonParser().Parse(Fixture.Read("cargo/clippy.json"));

        var clusters = Clusterer.Cluster(diagnostics);

        clusters.Select(c => c.Key.ToString()).Should().Equal(
            "rustc:warning:unused_variables",
            "rustc:error:E0308",
            "rustc:error:E0599",
            "rustc:warning:clippy::needless_range_loop",
            "rustc:warning:unused_mut");
        clusters[0].Count.Should().Be(2);
        clusters.Where(c => c.Severity == Severity.Error).Sum(c => c.Count).Should().Be(2);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task No_diagnostics_make_no_clusters()
    {
        Clusterer.Cluster([]).Should().BeEmpty();
        await Task.CompletedTask;
    }

    private static Diagnostic Diagnostic(string code, string file, int line, Severity severity = Severity.Error) =>
        new("rustc", severity, code, "message", new SourceSpan(file, line, 1));
}
