using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Reports;
using Nightshift.Store;
using Nightshift.Workloads.BurnDown;

namespace Nightshift.Cli.Commands;

/// <summary>
/// <c>nightshift demo</c>: a short real night on a fresh copy of the bundled example (52 broken Rust programs and a crate
/// with passing tests), with the offline agent, ending with both report formats.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Where the example travels with the program (see Nightshift.Cli.csproj).</summary>
    public static string BundledExample => Path.Combine(AppContext.BaseDirectory, "examples", "rust-corpus");

    public static Command Create(GlobalOptions globals, CliHost host, NightAgentFactory agents)
    {
        var directory = new Option<string?>("--dir")
        {
            Description = "Where to create the example repository (new or empty; default: a new directory under the system temp folder)",
            HelpName = "DIR",
        };
        var command = new Command(
            "demo",
            "Copy the bundled example (a Rust crate with a corpus of broken programs and passing tests) to a new git repository, " +
            "run a short real night on it with the offline agent (rustc's own suggestions), and write the morning report as " +
            "Markdown and HTML. Needs git and rustc/cargo; no network, no model. Example: nightshift demo --dir /tmp/night")
        {
            directory,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var root = parseResult.GetValue(directory) is { Length: > 0 } given
                ? host.ResolvePath(given)
                : Path.Combine(Path.GetTempPath(), $"nightshift-demo-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
            await host.Error.WriteLineAsync($"nightshift: demo repository {root}");
            await ExampleRepository.CreateAsync(BundledExample, root, new ProcessRunner(), cancellationToken);

            var config = ConfigLoader.Load(Path.Combine(root, ConfigLoader.FileName));
            var result = await RunCommand.RunNightAsync(host, config, agents, resume: false, cancellationToken);
            var (markdown, html) = await WriteReportsAsync(config, result.SessionId, cancellationToken);

            if (parseResult.GetValue(globals.Json))
            {
                var json = RunCommand.ToJson(result);
                json["repository"] = root;
                json["report_md"] = markdown;
                json["report_html"] = html;
                await host.Out.WriteLineAsync(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                await RunCommand.PrintAsync(host, result, json: false);
                await host.Out.WriteLineAsync($"Repository: {root} (the fixes are on branch {result.Branch}: git -C {root} log {result.Branch})");
                await host.Out.WriteLineAsync($"Report:     {html}");
                await host.Out.WriteLineAsync($"            {markdown}");
            }

            return result.StopReason.IsFailure ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<(string Markdown, string Html)> WriteReportsAsync(NightshiftConfig config, long sessionId, CancellationToken cancellationToken)
    {
        var paths = NightshiftPaths.For(config.RepositoryRoot);
        ReportData report;
        await using (var journal = Journal.Open(paths.Journal))
        {
            report = await ReportLoader.LoadAsync(journal, sessionId, ReportTargets.Default, DateTimeOffset.UtcNow, cancellationToken);
        }

        Directory.CreateDirectory(paths.Reports);
        var stem = Path.Combine(paths.Reports, sessionId.ToString(CultureInfo.InvariantCulture));
        await File.WriteAllTextAsync(stem + ".md", MarkdownReport.Render(report), cancellationToken);
        await File.WriteAllTextAsync(stem + ".html", HtmlReport.Render(report), cancellationToken);
        return (stem + ".md", stem + ".html");
    }
}
