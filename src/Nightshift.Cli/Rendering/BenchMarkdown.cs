using System.Text;

namespace Nightshift.Cli.Rendering;

/// <summary>The bench report as Markdown: the tables of <see cref="BenchTables"/>.</summary>
internal static class BenchMarkdown
{
    public static string Render(BenchReport report)
    {
        var bench = report.Bench;
        var text = new StringBuilder();
        text.AppendLine($"# Bench {bench.Id}: {bench.Suite.Name}").AppendLine();
        text.AppendLine(report.Headline + (bench.StopReason is { } reason ? $" — {reason}" : "")).AppendLine();
        foreach (var table in BenchTables.Of(report))
        {
            Table(text, table);
        }

        if (BenchTables.Comparison(report) is { } comparison)
        {
            text.AppendLine($"## {comparison.Title}").AppendLine();
            var verdict = BenchTables.ComparisonVerdict(report);
            text.AppendLine(report.Regressions.Count > 0 ? $"**{verdict}**" : verdict).AppendLine();
            Rows(text, comparison with { Rows = [.. comparison.Rows.Select(r => r[^1] == "regression" ? [.. r[..^1], "**regression**"] : r)] });
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static void Table(StringBuilder text, ReportTable table)
    {
        text.AppendLine($"## {table.Title}").AppendLine();
        if (table.Rows.Count == 0)
        {
            text.AppendLine("None.").AppendLine();
            return;
        }

        Rows(text, table);
    }

    private static void Rows(StringBuilder text, ReportTable table)
    {
        text.AppendLine($"| {string.Join(" | ", table.Header.Select(Cell))} |");
        text.AppendLine($"|{string.Concat(table.Header.Select(_ => " --- |"))}");
        foreach (var row in table.Rows)
        {
            text.AppendLine($"| {string.Join(" | ", row.Select(Cell))} |");
        }

        text.AppendLine();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
