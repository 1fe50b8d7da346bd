using System.CommandLine;
using Nightshift.Configuration;

namespace Nightshift.Cli;

/// <summary>The options every command accepts.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "The configuration file (default: nightshift.yml, found by walking up from the current directory)",
        Recursive = true,
        HelpName = "FILE",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print results as JSON on stdout",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Print more detail on stderr",
        Recursive = true,
    };

    /// <summary>The configuration <see cref="Config"/> names, or the one found by walking up from the working directory.</summary>
    public NightshiftConfig LoadConfig(ParseResult parseResult, CliHost host) =>
        ConfigLoader.Load(ConfigLocator.Locate(parseResult.GetValue(Config), host.WorkingDirectory));

    /// <summary>
    /// The configuration, when there is one (--config, or a nightshift.yml found upwards); for commands that need none but
    /// take settings from it when present.
    /// </summary>
    public NightshiftConfig? LoadOptionalConfig(ParseResult parseResult, CliHost host)
    {
        var explicitPath = parseResult.GetValue(Config);
        var path = string.IsNullOrEmpty(explicitPath) ? ConfigLocator.Find(host.WorkingDirectory) : ConfigLocator.Locate(explicitPath, host.WorkingDirectory);
        return path is null ? null : ConfigLoader.Load(path);
    }

    public void AddTo(Command root)
    {
        root.Add(Config);
        root.Add(Json);
        root.Add(Verbose);
    }
}
