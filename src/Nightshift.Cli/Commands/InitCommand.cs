using System.CommandLine;
using System.Text.Json.Nodes;
using Nightshift.Configuration;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift init</c>: detect the toolchain and write a commented nightshift.yml.</summary>
internal static class InitCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var force = new Option<bool>("--force")
        {
            Description = "Replace an existing nightshift.yml",
        };
        var command = new Command(
            "init",
            "Detect the project's toolchain (cargo, dotnet, node, python, cmake, make) and write a commented nightshift.yml " +
            "in the current directory (or at --config). Example: nightshift init")
        {
            force,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(globals.Config) is { Length: > 0 } explicitPath
                ? host.ResolvePath(explicitPath)
                : Path.Combine(host.WorkingDirectory, ConfigLoader.FileName);
            var result = ConfigInitializer.Initialize(path, parseResult.GetValue(force));

            if (parseResult.GetValue(globals.Json))
            {
                var json = new JsonObject { ["path"] = result.Path, ["toolchain"] = result.Toolchain?.Name };
                await host.Out.WriteLineAsync(json.ToJsonString().AsMemory(), cancellationToken);
            }
            else
            {
                var summary = result.Toolchain is { } toolchain
                    ? $"Wrote {result.Path} for a {toolchain.Name} project (probe: {toolchain.Probe}). Check it with 'nightshift config'."
                    : $"Wrote {result.Path} with no toolchain detected; fill in probe, tests and build.";
                await host.Out.WriteLineAsync(summary.AsMemory(), cancellationToken);
            }

            if (result.Toolchain is null)
            {
                await host.Error.WriteLineAsync(
                    $"nightshift: no known toolchain in {Path.GetDirectoryName(result.Path)} (looked for {string.Join(", ", ToolchainDetector.Markers)}); " +
                    "probe, tests and build are commented-out examples in the file.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
