namespace Nightshift.Reports;

public static partial class HtmlReport
{
    // Inline because the report must open with no network and no sibling files; system fonts only.
    internal const string Style = """

        :root { color-scheme: light dark; --fg: #1d2330; --muted: #667085; --line: #d0d5dd; --bg: #fff; --panel: #f6f7f9;
          --good: #12824c; --bad: #c0362c; --warn: #b76e00; --before: #98a2b3; --after: #2e6bd6; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e6e9ef; --muted: #98a2b3; --line: #3a4150; --bg: #14171c; --panel: #1c2028; } }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg);
          max-width: 980px; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
        .note, .empty, figcaption, .legend { color: var(--muted); }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.25rem; background: var(--panel); padding: 1rem; border-radius: 8px; }
        dt { font-weight: 600; } dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
        th { white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.total td { font-weight: 600; } tr.current td { background: var(--panel); }
        .outcome.met, .better { color: var(--good); font-weight: 600; } .outcome.missed, .worse { color: var(--bad); font-weight: 600; }
        .severity.critical { color: var(--bad); font-weight: 600; } .severity.warning { color: var(--warn); }
        svg { max-width: 100%; height: auto; font-size: 11px; fill: var(--fg); }
        svg .axis { stroke: var(--line); } polyline.errors { fill: none; stroke: var(--bad); stroke-width: 2; } circle.errors { fill: var(--bad); }
        .bar.before { fill: var(--before); } .bar.after { fill: var(--after); }
        .bar.landed { fill: var(--good); } .bar.rejected { fill: var(--bad); } .bar.abandoned { fill: var(--before); }
        .bar.started, .bar.finished, .bar.verified { fill: var(--after); }
        .legend span::before { content: "■ "; } .legend .landed { color: var(--good); } .legend .rejected { color: var(--bad); }
        .legend .abandoned { color: var(--before); } .legend .other { color: var(--after); }
        figure { margin: 1rem 0; }
        details.diff { margin: .4rem 0; } details.diff summary { cursor: pointer; }
        details.diff pre { background: var(--panel); padding: .6rem; overflow-x: auto; font-size: .82rem; line-height: 1.35; }
        pre .add { color: var(--good); } pre .del { color: var(--bad); } pre .hunk { color: var(--after); } pre .file { font-weight: 600; }
        .result.deployed, .result.landed, .outcome.ok { color: var(--good); font-weight: 600; }
        .result.rejected, .result.failed, .result.rolledback, .result.servicedown, .outcome.failed { color: var(--bad); font-weight: 600; }
        .result.interrupted, .result.in_flight, .result.queued, .outcome.skipped { color: var(--warn); }
        article.crash h3 { font-size: 1rem; margin: 1.5rem 0 .5rem; } article.crash dl { margin-bottom: .5rem; }
        .bar.step-restart, .legend .step-restart { fill: #98a2b3; color: #98a2b3; } .bar.step-analyze, .legend .step-analyze { fill: #7f56d9; color: #7f56d9; }
        .bar.step-agent, .legend .step-agent { fill: #2e6bd6; color: #2e6bd6; } .bar.step-build, .legend .step-build { fill: #b76e00; color: #b76e00; }
        .bar.step-verdict, .legend .step-verdict { fill: #0e9384; color: #0e9384; } .bar.step-land, .legend .step-land { fill: #12824c; color: #12824c; }
        .bar.step-push, .legend .step-push { fill: #667085; color: #667085; } .bar.step-deploy, .legend .step-deploy { fill: #c11574; color: #c11574; }
        .bar.step-other, .legend .step-other { fill: #d0d5dd; color: #d0d5dd; } .bar.failed { stroke: var(--bad); stroke-width: 1.5; }

        """;
}
