using Nightshift.Reports;
using Nightshift.Telemetry;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Nightshift.Cli.Rendering;

/// <summary>
/// One frame of <c>nightshift watch</c>, a pure function of what it shows so that a test renders it at a fixed
/// width without ANSI: the session panel (budgets as bars), alerts, clusters at baseline and now as bars,
/// workers and recent events.
/// </summary>
internal static class WatchFrame
{
    public const int MaxClusters = 8;
    public const int ClusterBarWidth = 30;

    public static IRenderable Build(LiveStatus live, IReadOnlyList<TelemetryEvent> events, IReadOnlyList<Alert> alerts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(alerts);
        // Most urgent first: a small terminal crops the bottom of the frame.
        var parts = new List<IRenderable> { SessionPanel.Render(live, now), Alerts(alerts) };
        if (live.Status is { } status)
        {
            parts.Add(Clusters(status));
            if (live.State != LiveState.Ended)
            {
                parts.Add(StatusView.Workers(status));
            }
        }

        parts.Add(Events(events));
        return new Rows(parts);
    }

    private static IRenderable Clusters(SessionStatus status)
    {
        if (status.Clusters.Count == 0)
        {
            return new Text("Clusters: not measured yet.");
        }

        var shown = status.Clusters.Take(MaxClusters).ToList();
        var max = Math.Max(1, shown.Max(c => Math.Max(c.Before, c.Now)));
        var table = new Table().Border(TableBorder.Simple).Title("Clusters: baseline (grey) and now (green)")
            .AddColumn("Cluster")
            .AddColumn(new TableColumn("Before").RightAligned())
            .AddColumn(new TableColumn("Now").RightAligned())
            .AddColumn(new TableColumn("").NoWrap());
        foreach (var cluster in shown)
        {
            var bars = new Markup(
                $"[grey]{TextBar.Solid(cluster.Before / (double)max, ClusterBarWidth)}[/]\n"
                + $"[green]{TextBar.Solid(cluster.Now / (double)max, ClusterBarWidth)}[/]");
            table.AddRow(new Text(cluster.Key), new Text(ReportFormat.Count(cluster.Before)), new Text(ReportFormat.Count(cluster.Now)), bars);
        }

        if (status.Clusters.Count > shown.Count)
        {
            table.Caption($"and {status.Clusters.Count - shown.Count} smaller clusters");
        }

        return table;
    }

    private static IRenderable Events(IReadOnlyList<TelemetryEvent> events)
    {
        if (events.Count == 0)
        {
            return new Text("Recent events: none yet.");
        }

        var table = new Table().Border(TableBorder.Simple).Title("Recent events").AddColumn("Time").AddColumn("Event").AddColumn("Details");
        foreach (var e in events)
        {
            table.AddRow(new Text(SessionPanel.Clock(e.At)), new Text(e.Kind), new Text(EventText.Describe(e)));
        }

        return table;
    }

    private static IRenderable Alerts(IReadOnlyList<Alert> alerts)
    {
        if (alerts.Count == 0)
        {
            return new Text("Alerts: none.");
        }

        var table = new Table().Border(TableBorder.Simple).Title("Alerts").AddColumn("Time").AddColumn("Severity").AddColumn("Kind").AddColumn("Message");
        foreach (var alert in alerts)
        {
            var style = alert.Severity switch
            {
                AlertSeverity.Critical => new Style(Color.Red, decoration: Decoration.Bold),
                AlertSeverity.Warning => new Style(Color.Yellow),
                _ => Style.Plain,
            };
            table.AddRow(
                new Text(SessionPanel.Clock(alert.At)), new Text(alert.Severity.ToString().ToLowerInvariant(), style), new Text(alert.Kind),
                new Text(alert.Message));
        }

        return table;
    }
}
