using System.CommandLine;
using System.Text.Json;
using Nightshift.Cli.Rendering;
using Nightshift.Workloads.Bench.Results;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift bench report [BENCH_ID|last]</c>: the statistics of a bench as Markdown, HTML or JSON.</summary>
internal static class BenchReportCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var benchArgument = new Argument<string>("BENCH_ID")
        {
            Description = "The bench to report on, or 'last' for the latest",
            DefaultValueFactory = _ => BenchStore.Last,
        };
        var format = new Option<string>("--format")
        {
            Description = "md (Markdown) or html (one self-contained file with inline SVG charts)",
            DefaultValueFactory = _ => "md",
            HelpName = "md|html",
        };
        format.AcceptOnlyFromAmong("md", "html");
        var compare = new Option<string?>("--compare")
        {
            Description = "A baseline bench: pass rates whose 95% intervals no longer overlap it are flagged as regressions",
            HelpName = "OTHER",
        };
        var output = FileOption.Create("--output", "Write the report to this file instead of stdout", "-o");

        var command = new Command(
            "report",
            "Report a bench's pass rates per level and agent with 95% Wilson intervals, pass@k, durations, steps and failure modes; " +
            "exits 1 when --compare flags a regression. Example: nightshift bench report last --format html --output bench.html")
        {
            benchArgument, format, compare, output,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = BenchCommand.Store(BenchCommand.LoadConfig(parseResult, globals, host), host);
            var bench = store.ReadManifest(store.Resolve(parseResult.GetValue(benchArgument)!));
            var baseline = parseResult.GetValue(compare) is { } other ? store.ReadManifest(store.Resolve(other)) : null;
            var report = new BenchReport(bench, baseline);

            var text = parseResult.GetValue(globals.Json)
                ? JsonSerializer.Serialize(new { bench.Id, bench.Status, bench.Summary, Baseline = baseline?.Id, report.Changes }, BenchJson.Options)
                : parseResult.GetValue(format) == "html" ? BenchHtml.Render(report) : BenchMarkdown.Render(report);
            if (parseResult.GetValue(output) is { } file)
            {
                var path = host.ResolvePath(file);
                await File.WriteAllTextAsync(path, text, cancellationToken);
                await host.Error.WriteLineAsync($"Wrote {path}".AsMemory(), cancellationToken);
            }
            else
            {
                await host.Out.WriteLineAsync(text.TrimEnd().AsMemory(), cancellationToken);
            }

            foreach (var regression in report.Regressions)
            {
                await host.Error.WriteLineAsync(
                    $"regression: {regression.Scope} {regression.Key}: {BenchFormat.Rate(regression.Current)} against {BenchFormat.Rate(regression.Baseline)} in {baseline!.Id}"
                        .AsMemory(), cancellationToken);
            }

            return report.Regressions.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
