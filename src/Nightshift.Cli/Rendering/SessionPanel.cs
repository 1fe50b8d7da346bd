using System.Globalization;
using Nightshift.Reports;
using Nightshift.Sessions;
using Nightshift.Telemetry;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Nightshift.Cli.Rendering;

/// <summary>
/// The session at a glance, shared by <c>status</c> and <c>watch</c>: state and phase, time and cost budgets as
/// bars, commits and rejections, errors against the baseline, ETA, a crash-watch session's service (restarts, uptime, memory),
/// and the lock. Journal text goes in as
/// <see cref="Text"/>, never as markup, so a cluster key like <c>[E0308]</c> cannot break the rendering.
/// </summary>
internal static class SessionPanel
{
    public const int BarWidth = 30;

    public static IRenderable Render(LiveStatus live, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(live);
        if (live.Status is not { } status)
        {
            var idle = new Rows(
                new Text($"No session status at {live.StatusPath}: no session has run here yet, or it has not started."),
                new Text($"Lock: {LockLine(live.Lock)}"));
            return new Panel(idle).Header("nightshift · idle").Border(BoxBorder.Rounded).Expand();
        }

        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Row(grid, "State", StateLine(live));
        Row(grid, "Started", $"{ReportFormat.Time(status.StartedAt)} · elapsed {ReportFormat.Duration(status.Elapsed)}");
        if (status.Model is { } model)
        {
            Row(grid, "Model", model);
        }

        var budget = status.Budget;
        Row(grid, "Time", $"{TextBar.Render(budget.TimeUsed, BarWidth)} {ReportFormat.Percent(budget.TimeUsed),4} · "
            + $"{ReportFormat.Duration(budget.Time - budget.TimeLeft)} of {ReportFormat.Duration(budget.Time)}, {ReportFormat.Duration(budget.TimeLeft)} left");
        Row(grid, "Cost", budget.CostUsed is { } used
            ? $"{TextBar.Render(used, BarWidth)} {ReportFormat.Percent(used),4} · {ReportFormat.Cost(budget.CostUsd)} of {ReportFormat.Cost(budget.CostLimitUsd!.Value)}"
            : $"{ReportFormat.Cost(budget.CostUsd)} (no limit)");
        Row(grid, "Tokens", $"{ReportFormat.Count(budget.TokensIn)} in · {ReportFormat.Count(budget.TokensOut)} out");
        Row(grid, "Commits", $"{ReportFormat.Count(status.CommitsLanded)} landed · {ReportFormat.Count(status.Rejections)} rejected");
        Row(grid, "Errors", status.Errors is { Baseline: { } before, Now: { } after }
            ? $"{ReportFormat.Count(before)} at baseline → {ReportFormat.Count(after)} now ({ReportFormat.Change(after - before)})"
            : "not measured yet");
        Row(grid, "Clusters", $"{ReportFormat.Count(status.ClustersRemaining)} remaining · ETA {Eta(status, now)}");
        if (status.Service is { } service)
        {
            Row(grid, "Service", ReportFormat.Service(service));
        }

        Row(grid, "Updated", $"{Clock(status.UpdatedAt)} UTC ({ReportFormat.Duration(now - status.UpdatedAt)} ago)");
        Row(grid, "Lock", LockLine(live.Lock));

        return new Panel(grid)
            .Header($"nightshift · session {status.SessionId.ToString(CultureInfo.InvariantCulture)} · {Markup.Escape(status.Workload)}")
            .Border(BoxBorder.Rounded)
            .Expand();
    }

    public static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string StateLine(LiveStatus live)
    {
        var status = live.Status!;
        return live.State switch
        {
            LiveState.Running => $"running · phase {status.Phase}",
            LiveState.Interrupted => $"interrupted: the status says running but no process holds the lock (last phase {status.Phase})",
            LiveState.Ended => $"ended · {status.StopReason ?? "no stop reason recorded"}",
            _ => "idle",
        };
    }

    private static string Eta(SessionStatus status, DateTimeOffset now) => status.Eta is { } eta
        ? $"{ReportFormat.Clock(eta)} UTC (in {ReportFormat.Duration(eta - now)})"
        : "unknown";

    private static string LockLine(LockStatus lockStatus) => (lockStatus.IsHeld, lockStatus.Holder) switch
    {
        (true, { } h) => $"held by pid {h.ProcessId} on {h.Host} ({h.Purpose}, since {h.StartedAtText})",
        (true, null) => "held (holder record unreadable)",
        (false, { } h) => $"free (last held by pid {h.ProcessId} on {h.Host} for {h.Purpose})",
        (false, null) => "free",
    };

    private static void Row(Grid grid, string label, string value) =>
        grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value));
}
