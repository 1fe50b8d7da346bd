using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Configuration;
using Nightshift.Execution.Sandboxing;

namespace Nightshift.Cli.Commands;

/// <summary>
/// <c>nightshift doctor</c>: which sandbox the repository's commands would run in, and why (issue 14): bubblewrap with
/// its path and version once a confined probe command ran, <c>off</c> because the configuration says so, or none and
/// what is missing. Exits 1 when there is no sandbox and it is not turned off, since night, verify and the rest would refuse.
/// </summary>
internal static class DoctorCommand
{
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true };

    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var command = new Command(
            "doctor",
            "Tell which sandbox confines the commands that run the repository's code (probe, build, tests, repro), and why: " +
            "bubblewrap's path and version and whether a confined command ran, the network, the environment passed in. " +
            "Exits 1 when there is none (the night would refuse). Example: nightshift doctor --json");

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var config = BenchCommand.LoadConfig(parseResult, globals, host);
            var settings = config?.Sandbox ?? new SandboxConfig();
            var sandbox = await SandboxSelector.SelectAsync(settings, cancellationToken);
            var report = Report(config?.FilePath, settings, sandbox);
            var text = parseResult.GetValue(globals.Json) ? report.ToJsonString(_indented) : Text(report);
            await host.Out.WriteLineAsync(text.TrimEnd().AsMemory(), cancellationToken);
            return sandbox is Sandbox.Unavailable ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static JsonObject Report(string? configPath, SandboxConfig settings, Sandbox sandbox) => new()
    {
        ["config"] = configPath,
        ["mode"] = settings.ModeName,
        ["sandbox"] = sandbox.Name,
        ["why"] = Why(settings, sandbox),
        ["bubblewrap"] = sandbox is Sandbox.Bubblewrap bwrap ? bwrap.Executable : settings.Bubblewrap,
        ["version"] = sandbox is Sandbox.Bubblewrap { Version: var version } ? version : null,
        ["probe_succeeded"] = sandbox is Sandbox.Off ? null : sandbox is Sandbox.Bubblewrap,
        ["network"] = sandbox is Sandbox.Off || settings.Network,
        ["environment"] = sandbox is Sandbox.Off
            ? null
            : new JsonArray([.. SandboxEnvironment.Allowed.Concat(SandboxEnvironment.AllowedPrefixes.Select(p => p + "*")).Concat(settings.Env)
                .Select(name => (JsonNode)JsonValue.Create(name))]),
    };

    private static string Why(SandboxConfig settings, Sandbox sandbox) => sandbox switch
    {
        Sandbox.Off => "sandbox: off in the configuration: the repository's commands run unconfined, as you, with your environment",
        Sandbox.Bubblewrap bwrap =>
            $"sandbox: {settings.ModeName}; {bwrap.Executable} ({bwrap.Version}) ran a confined command: read-only machine, " +
            $"writable worktree and build outputs, private /tmp, no capabilities, network {(bwrap.Network ? "on" : "off")}",
        Sandbox.Unavailable unavailable => $"{unavailable.Reason}; night, verify, baseline, crash-watch, bench, eval and learn refuse to run " +
            "(install bubblewrap, or set 'sandbox: off')",
        _ => throw new ArgumentOutOfRangeException(nameof(sandbox)),
    };

    private static string Text(JsonObject report)
    {
        var lines = report.Where(entry => entry.Value is not null).Select(entry => entry.Value switch
        {
            JsonArray list => $"{entry.Key}: {string.Join(", ", list.Select(item => item!.GetValue<string>()))}",
            var value => $"{entry.Key}: {value!.ToString()}",
        });
        return string.Join('\n', lines);
    }
}
