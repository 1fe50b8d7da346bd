using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Probing;
using Nightshift.Store;
using Spectre.Console;

namespace Nightshift.Cli.Rendering;

/// <summary>What <c>nightshift diff</c> prints: per-cluster deltas, new and vanished clusters, totals.</summary>
internal static class DiffView
{
    // Relaxed escaping: messages are full of backticks and quotes, which people read in this output and JSON parsers accept.
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(SnapshotDiff diff) => new JsonObject
    {
        ["before"] = Head(diff.Before),
        ["after"] = Head(diff.After),
        ["totals"] = new JsonObject
        {
            ["items"] = Change(diff.Before.Items, diff.After.Items),
            ["items_failing"] = Change(diff.Before.ItemsFailing, diff.After.ItemsFailing),
            ["errors"] = Change(diff.Before.Errors, diff.After.Errors),
            ["warnings"] = Change(diff.Before.Warnings, diff.After.Warnings),
        },
        ["clusters"] = new JsonArray([.. diff.Clusters.Select(c => (JsonNode)new JsonObject
        {
            ["key"] = c.Key,
            ["tool"] = c.Tool,
            ["code"] = c.Code,
            ["severity"] = c.Severity,
            ["before"] = c.Before,
            ["after"] = c.After,
            ["delta"] = c.Delta,
            ["status"] = Status(c),
        })]),
        ["new"] = new JsonArray([.. diff.New.Select(c => (JsonNode)JsonValue.Create(c.Key))]),
        ["vanished"] = new JsonArray([.. diff.Vanished.Select(c => (JsonNode)JsonValue.Create(c.Key))]),
    }.ToJsonString(_indented);

    public static void Table(IAnsiConsole console, SnapshotDiff diff)
    {
        console.WriteLine($"Snapshot {diff.Before.Id} ({Time(diff.Before)}) → snapshot {diff.After.Id} ({Time(diff.After)})");
        console.WriteLine(
            $"errors {Totals(diff.Before.Errors, diff.After.Errors)}, warnings {Totals(diff.Before.Warnings, diff.After.Warnings)}, " +
            $"items failing {Totals(diff.Before.ItemsFailing, diff.After.ItemsFailing)}, items {Totals(diff.Before.Items, diff.After.Items)}");
        var changed = diff.Clusters.Where(c => c.Delta != 0).ToList();
        if (changed.Count == 0)
        {
            console.WriteLine("No cluster changed.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("cluster")
            .AddColumn("before", c => c.RightAligned())
            .AddColumn("after", c => c.RightAligned())
            .AddColumn("delta", c => c.RightAligned())
            .AddColumn("");
        foreach (var cluster in changed)
        {
            // Plain Text cells: markup would read a key such as "gcc:warning:-W..." as the :warning: emoji.
            table.AddRow(
                new Text(cluster.Key),
                new Text(Number(cluster.Before)),
                new Text(Number(cluster.After)),
                new Text(Signed(cluster.Delta)),
                new Text(cluster.IsNew ? "new" : cluster.IsVanished ? "vanished" : ""));
        }

        console.Write(table);
        var unchanged = diff.Clusters.Count - changed.Count;
        console.WriteLine(
            $"{diff.New.Count()} new, {diff.Vanished.Count()} vanished, {unchanged} unchanged cluster{(unchanged == 1 ? "" : "s")}.");
    }

    private static JsonObject Head(SnapshotRow row) => new()
    {
        ["snapshot"] = row.Id,
        ["taken_at"] = Time(row),
        ["items"] = row.Items,
        ["items_failing"] = row.ItemsFailing,
        ["errors"] = row.Errors,
        ["warnings"] = row.Warnings,
    };

    private static JsonObject Change(int before, int after) => new() { ["before"] = before, ["after"] = after, ["delta"] = after - before };

    private static string Status(ClusterDelta cluster) =>
        cluster.IsNew ? "new" : cluster.IsVanished ? "vanished" : cluster.Delta == 0 ? "unchanged" : "changed";

    private static string Totals(int before, int after) => $"{before} → {after} ({Signed(after - before)})";

    private static string Signed(int delta) => delta > 0 ? $"+{delta}" : delta.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(SnapshotRow row) => row.TakenAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
