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

    public void Dispose() => _repo.Dispose();

    private async Task<ReportData> LoadAsync()
    {
        var directory = _repo[".nightshift"];
        await HostileJournal.WriteAsync(directory);
        await using var journal = Journal.Open(Path.Combine(directory, Journal.FileName));
        return await ReportLoader.LoadAsync(journal, null, ReportTargets.Default, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    private static string Field(IDocument document, string field) =>
        document.QuerySelectorAll("[data-field]").First(e => e.GetAttribute("data-field") == field).TextContent;

    private static int UnescapedPipes(string row) =>
        row.Select((c, i) => c == '|' && (i == 0 || row[i - 1] != '\\')).Count(pipe => pipe);
}
