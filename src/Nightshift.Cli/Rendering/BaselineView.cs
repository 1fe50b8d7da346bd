using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Probing;
using Spectre.Console;

namespace Nightshift.Cli.Rendering;

/// <summary>What <c>nightshift baseline</c> prints on stdout: the ranked clusters as a table or as JSON.</summary>
internal static class BaselineView
{
    /// <summary>Rows shown without --verbose: the top of the ranking is what a person acts on; --json has every cluster.</summary>
    public const int TableRows = 30;

    private const int ExampleWidth = 100;

    // Relaxed escaping: messages are full of backticks and quotes, which people read in this output and JSON parsers accept.
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(long snapshotId, Snapshot snapshot) => new JsonObject
    {
        ["snapshot"] = snapshotId,
        ["items"] = snapshot.Items.Count,
        ["items_failing"] = snapshot.ItemsFailing,
        ["errors"] = snapshot.Errors,
        ["warnings"] = snapshot.Warnings,
        ["cached"] = snapshot.Cached,
        ["clusters"] = new JsonArray([.. snapshot.Clusters.Select(c => (JsonNode)new JsonObject
        {
            ["key"] = c.Key.ToString(),
            ["tool"] = c.Tool,
            ["code"] = c.Code,
            ["severity"] = SnapshotJournal.SeverityName(c.Severity),
            ["count"] = c.Count,
            ["items"] = c.Items.Count,
            ["example"] = DiagnosticLine.Format(c.Example),
        })]),
    }.ToJsonString(_indented);

    public static void Table(IAnsiConsole console, long snapshotId, Snapshot snapshot, bool all)
    {
        console.WriteLine(
            $"Snapshot {snapshotId}: {snapshot.Items.Count} items, {snapshot.ItemsFailing} failing; " +
            $"{snapshot.Errors} errors, {snapshot.Warnings} warnings; {snapshot.Cached} cached.");
        if (snapshot.Clusters.Count == 0)
        {
            console.WriteLine("No diagnostics.");
            return;
        }

        var total = snapshot.Diagnostics.Count;
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("#", c => c.RightAligned())
            .AddColumn("code")
            .AddColumn("severity")
            .AddColumn("count", c => c.RightAligned())
            .AddColumn("share", c => c.RightAligned())
            .AddColumn("items", c => c.RightAligned())
            .AddColumn("example");
        var shown = all ? snapshot.Clusters : snapshot.Clusters.Take(TableRows);
        var rank = 0;
        foreach (var cluster in shown)
        {
            var share = (100.0 * cluster.Count / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";
            // Plain Text cells: markup would read tool output such as ":warning:" as an emoji.
            table.AddRow(
                new Text((++rank).ToString(CultureInfo.InvariantCulture)),
                new Text(Code(cluster)),
                new Text(SnapshotJournal.SeverityName(cluster.Severity)),
                new Text(cluster.Count.ToString(CultureInfo.InvariantCulture)),
                new Text(share),
                new Text(cluster.Items.Count.ToString(CultureInfo.InvariantCulture)),
                new Text(Shorten(DiagnosticLine.Format(cluster.Example), ExampleWidth)));
        }

        console.Write(table);
        if (snapshot.Clusters.Count > rank)
        {
            console.WriteLine($"… and {snapshot.Clusters.Count - rank} smaller clusters (--verbose or --json lists all).");
        }
    }

    /// <summary>The code as the tool spells it, with the tool when it is not the compiler's own (nightshift:step-failed).</summary>
    private static string Code(Clustering.Cluster cluster) =>
        Shorten(cluster.Code is { } code ? (cluster.Tool == ProbeFailures.Tool ? $"{ProbeFailures.Tool}:{code}" : code) : cluster.Key.Template ?? "", 40);

    private static string Shorten(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
