using AngleSharp.Dom;
using Nightshift.Reports;
using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Reports;

public sealed class ReportEncodingSpecs : IDisposable
{
    private readonly TempDir _repo = new("hostile");

    [Fact(Timeout = 60_000)]
    public async Task Hostile_journal_text_is_shown_as_text_in_the_html_report_never_as_markup()
    {
        var report = await LoadAsync();

        var document = ReportFixture.Parse(HtmlReport.Render(report));

        document.QuerySelectorAll("script, img, iframe, b, i, em").Should().BeEmpty();
        document.QuerySelectorAll("svg").Should().HaveCount(3, "only the report's own charts are SVG");
        document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).Should().BeEmpty();
        Field(document, "session.workload").Should().Be(HostileJournal.Workload);
        Field(document, $"cluster[{HostileJournal.Cluster}].key").Should().Be(HostileJournal.Cluster);
        Field(document, $"agent[{HostileJournal.Agent}].agent").Should().Be(HostileJournal.Agent);
        Field(document, $"rejection[{HostileJournal.Reason}].examples").Should().Be(HostileJournal.ReasonText);
        Field(document, "alert[0].message").Should().Be(HostileJournal.AlertMessage);
        Field(document, "commit[NS-1].subject").Should().Be(HostileJournal.Subject);
        Field(document, "commit[NS-1].verified").Should().Be(HostileJournal.Verified);
        document.QuerySelectorAll("#alerts tbody tr").Should().ContainSingle().Which.Children.Should().HaveCount(4);
        document.QuerySelectorAll("#clusters tbody tr").Should().ContainSingle().Which.GetAttribute("data-cluster").Should().Be(HostileJournal.Cluster);
    }

    [Fact(Timeout = 60_000)]
    public async Task Hostile_journal_text_is_escaped_in_the_markdown_report_and_cannot_break_a_table_row()
    {
        var report = await LoadAsync();

        var markdown = MarkdownReport.Render(report);

        markdown.Select((c, i) => c == '<' && (i == 0 || markdown[i - 1] != '\\')).Should().NotContain(true, "no tag can open");
        markdown.Should().NotContain("[link](");
        var alertRow = markdown.Split('\n').Single(line => line.Contains("alert(4)", StringComparison.Ordinal));
        UnescapedPipes(alertRow).Should().Be(5, "an alert row has four cells whatever its message holds");
        alertRow.Should().Contain("second line", "a line break in a message becomes a space, not a new row");
        var clusterRow = markdown.Split('\n').Single(line => line.StartsWith("| rustc:error:", StringComparison.Ordinal));
        UnescapedPipes(clusterRow).Should().Be(6);
        clusterRow.Should().Contain(@"\<script>alert(2)\</script>\|x\|");
    }

    [Fact(Timeout = 60_000)]
    public async Task Hostile_crash_text_is_shown_as_text_in_both_reports()
    {
        var report = await LoadAsync(HostileJournal.WriteCrashAsync);

        var document = ReportFixture.Parse(HtmlReport.Render(report));
        var markdown = MarkdownReport.Render(report);

        document.QuerySelectorAll("script, img, iframe, b, i, u, s").Should().BeEmpty();
        document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).Should().BeEmpty();
        Field(document, "crash[1].title").Should().Be(HostileJournal.CrashTitle);
        Field(document, "crash[1].signature").Should().Be(HostileJournal.Signature);
        Field(document, "crash[1].result").Should().Be(CrashResults.Rejected);
        Field(document, "crash[1].problem").Should().Be(HostileJournal.Problem);
        Field(document, "crash[1].step[0].agent").Should().Be(HostileJournal.Rung);
        Field(document, "crash[1].step[0].summary").Should().Be(HostileJournal.StepSummary);
        document.QuerySelectorAll("#crash-1 tbody tr").Should().ContainSingle().Which.Children.Should().HaveCount(5);
        document.QuerySelector("#chart-crash-steps g[data-step]")!.GetAttribute("data-agent").Should().Be(HostileJournal.Rung);

        markdown.Select((c, i) => c == '<' && (i == 0 || markdown[i - 1] != '\\')).Should().NotContain(true, "no tag can open");
        markdown.Should().NotContain("[link](");
        UnescapedPipes(markdown.Split('\n').Single(line => line.StartsWith("| 1 | panicked", StringComparison.Ordinal))).Should().Be(8);
        UnescapedPipes(markdown.Split('\n').Single(line => line.Contains("rung", StringComparison.Ordinal) && line.StartsWith('|'))).Should().Be(6);
    }

    public void Dispose() => _repo.Dispose();

    private async Task<ReportData> LoadAsync(Func<string, Task>? write = null)
    {
        var directory = _repo[".nightshift"];
        await (write ?? HostileJournal.WriteAsync)(directory);
        await using var journal = Journal.Open(Path.Combine(directory, "nightshift.db"));
        return await ReportLoader.LoadAsync(journal, null, ReportTargets.Default, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    private static string Field(IDocument document, string field) =>
        document.QuerySelectorAll("[data-field]").First(e => e.GetAttribute("data-field") == field).TextContent;

    private static int UnescapedPipes(string row) =>
        row.Select((c, i) => c == '|' && (i == 0 || row[i - 1] != '\\')).Count(pipe => pipe);
}
