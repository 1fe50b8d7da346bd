using System.CommandLine;

namespace Nightshift.Cli;

/// <summary>Options whose value is a file path, shown as FILE in help; commands resolve it with <see cref="CliHost.ResolvePath"/>.</summary>
internal static class FileOption
{
    public static Option<string?> Create(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description, HelpName = "FILE" };

    public static Option<string> Required(string name, string description) =>
        new(name) { Description = description, HelpName = "FILE", Required = true };
}
