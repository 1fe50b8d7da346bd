using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Agents;
using Nightshift.Configuration;
using Nightshift.Workloads.BurnDown;
using Spectre.Console;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift run</c>: the burn-down night, from the lock to the stop reason.</summary>
internal static class RunCommand
{
    public static Command Create(GlobalOptions globals, CliHost host, NightAgentFactory agents)
    {
        var resume = new Option<bool>("--resume")
        {
            Description = "Continue the last unfinished session (after a crash or kill -9): same branch, same tickets, no fix landed twice",
        };
        var clusters = new Option<string[]>("--cluster")
        {
            Description = "Work on this cluster only, by key (rustc:error:E0308) or code (E0308); repeat it for more. The baseline still measures every cluster, and no other may grow",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command(
            "run",
            "Run a burn-down night: baseline, then attempt the largest cluster in a worktree, verify, land verified fixes as " +
            "ticketed commits on the session branch, until a budget or the clusters run out. SIGINT/SIGTERM stop it cleanly " +
            "(a second signal stops at once). Exits 0 when it stopped normally, 1 when it failed, 3 when another session runs. " +
            "Example: nightshift run --config nightshift.yml, or nightshift run --cluster E0308 --cluster E0599")
        {
            resume, clusters,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var config = globals.LoadConfig(parseResult, host);
            var only = parseResult.GetValue(clusters) is { Length: > 0 } keys ? keys.ToHashSet(StringComparer.Ordinal) : null;
            var result = await RunNightAsync(host, config, agents, parseResult.GetValue(resume), cancellationToken, only);
            await PrintAsync(host, result, parseResult.GetValue(globals.Json));
            var opened = await OpenPullRequestAsync(host, config, result, cancellationToken);
            return result.StopReason.IsFailure || !opened ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Runs one night with the signals wired to a clean stop; shared with <c>nightshift demo</c>.</summary>
    /// <param name="host">Where progress and notices go.</param>
    /// <param name="config">The loaded configuration (the promoted model is applied here).</param>
    /// <param name="agents">Makes the night's ladder.</param>
    /// <param name="resume">Continue the last unfinished session.</param>
    /// <param name="cancellationToken">The process's; signals are wired to a clean stop on top of it.</param>
    /// <param name="clusters">The clusters to work on (<c>--cluster</c>); null for every cluster.</param>
    public static async Task<NightResult> RunNightAsync(
        CliHost host, NightshiftConfig config, NightAgentFactory agents, bool resume, CancellationToken cancellationToken,
        IReadOnlySet<string>? clusters = null)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt(host, stop, abort));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt(host, stop, abort));

        config = await PromotedModel.ApplyAsync(config, notice => host.Error.WriteLine($"nightshift: {notice}"), cancellationToken);
        var runner = await SandboxedRunner.CreateAsync(config.Sandbox, host, cancellationToken);
        var (ladder, waitForEndpoint) = agents(config);
        var options = new NightOptions
        {
            Runner = runner,
            Ladder = ladder,
            Budget = Agents.AgentFactory.BudgetOf(config.Agent),
            Resume = resume,
            Clusters = clusters,
            WaitForEndpoint = waitForEndpoint,
            Progress = new Rendering.SyncProgress<string>(line => host.Error.WriteLine($"nightshift: {line}")),
        };
        var night = new Night(config, options);
        return await night.RunAsync(stop.Token, abort.Token);
    }

    /// <summary>
    /// After a night that landed a fix, its pull request (<c>landing.pull_request</c>), opened or updated with the report;
    /// false when that failed (the fixes stay on the branch, and 'nightshift pr' tries again).
    /// </summary>
    private static async Task<bool> OpenPullRequestAsync(CliHost host, NightshiftConfig config, NightResult result, CancellationToken cancellationToken)
    {
        if (config.Landing.PullRequest == PullRequestHost.None || result.Commits == 0)
        {
            return true;
        }

        try
        {
            var (opened, _) = await PullRequestCommand.OpenAsync(host, config, result.SessionId, cancellationToken);
            await host.Error.WriteLineAsync($"nightshift: {opened.Action} the pull request of {result.Branch}{(opened.Url is { } url ? $": {url}" : "")}".AsMemory(), cancellationToken);
            return true;
        }
        catch (NightshiftException e) when (!e.IsFatal)
        {
            await host.Error.WriteLineAsync($"nightshift: the pull request of {result.Branch} was not opened: {e.Message} ('nightshift pr' tries again)".AsMemory(), cancellationToken);
            return false;
        }
    }

    /// <summary>The night's figures: a table, or with --json one object.</summary>
    public static async Task PrintAsync(CliHost host, NightResult result, bool json)
    {
        if (json)
        {
            await host.Out.WriteLineAsync(ToJson(result).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            Render(Rendering.ResultConsole.Create(host), result);
        }
    }

    // The first signal asks for a clean stop; a second one (a person who means it) stops at once.
    private static Action<PosixSignalContext> Interrupt(CliHost host, CancellationTokenSource stop, CancellationTokenSource abort) => context =>
    {
        context.Cancel = true;
        if (stop.IsCancellationRequested)
        {
            host.Error.WriteLine("nightshift: stopping now; 'nightshift run --resume' continues the session.");
            abort.Cancel();
            return;
        }

        host.Error.WriteLine("nightshift: stopping after the attempt in flight (signal again to stop at once)...");
        stop.Cancel();
    };

    public static JsonObject ToJson(NightResult result) => new()
    {
        ["session"] = result.SessionId,
        ["branch"] = result.Branch,
        ["stop_reason"] = result.StopReason.Name,
        ["stop_description"] = result.StopReason.Description,
        ["commits"] = result.Commits,
        ["rejections"] = result.Rejections,
        ["errors_at_baseline"] = result.ErrorsAtBaseline,
        ["errors_now"] = result.ErrorsNow,
        ["elapsed_seconds"] = Math.Round(result.Elapsed.TotalSeconds, 1),
        ["sandbox"] = result.Sandbox.Name,
    };

    private static void Render(IAnsiConsole console, NightResult result)
    {
        var table = new Table().HideHeaders().AddColumn("what").AddColumn("figure");
        table.AddRow("session", result.SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("branch", Markup.Escape(result.Branch));
        table.AddRow("stopped", Markup.Escape($"{result.StopReason.Name}: {result.StopReason.Description}"));
        table.AddRow("commits landed", result.Commits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("rejected attempts", result.Rejections.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("errors", $"{result.ErrorsAtBaseline} -> {result.ErrorsNow}");
        table.AddRow("elapsed", Markup.Escape(Durations.Format(result.Elapsed)));
        table.AddRow("sandbox", Markup.Escape(result.Sandbox.Description));
        console.Write(table);
        console.WriteLine($"The morning report: nightshift report --session {result.SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
