using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Configuration;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift config</c>: load, validate and print the effective configuration, defaults included.</summary>
internal static class ConfigCommand
{
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true };

    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var command = new Command(
            "config",
            "Validate nightshift.yml and show the effective configuration, defaults included (exit code 2 lists every problem). " +
            "Example: nightshift config --json");

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = ConfigLocator.Locate(parseResult.GetValue(globals.Config), host.WorkingDirectory);
            var config = ConfigLoader.Load(path);

            var text = parseResult.GetValue(globals.Json)
                ? new JsonObject { ["path"] = config.FilePath, ["config"] = ConfigPrinter.ToJson(config) }.ToJsonString(_indented)
                : $"# The effective configuration from {config.FilePath}, defaults included.\n{ConfigPrinter.ToYaml(config)}";
            await host.Out.WriteLineAsync(text.TrimEnd().AsMemory(), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
