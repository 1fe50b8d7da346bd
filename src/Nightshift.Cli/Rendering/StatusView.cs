using Nightshift.Telemetry;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Nightshift.Cli.Rendering;

/// <summary>What <c>nightshift status</c> prints for a person: the session panel and what each worker is doing.</summary>
internal static class StatusView
{
    public static IRenderable Render(LiveStatus live, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(live);
        var panel = SessionPanel.Render(live, now);
        return live.Status is { Workers.Count: > 0 } status && live.State != LiveState.Ended
            ? new Rows(panel, Workers(status))
            : panel;
    }

    public static Table Workers(SessionStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var table = new Table().Border(TableBorder.Simple).Title("Workers")
            .AddColumn("#").AddColumn("Cluster").AddColumn("Attempt").AddColumn(new TableColumn("Files").RightAligned()).AddColumn("Last tool call");
        foreach (var worker in status.Workers)
        {
            table.AddRow(
                new Text($"{worker.Worker}"),
                new Text(worker.Cluster ?? "idle"),
                new Text(worker.AttemptId is { } id ? $"#{id}" : "-"),
                new Text($"{worker.FilesModified}"),
                new Text(worker.LastToolCall ?? "-"));
        }

        return table;
    }
}
