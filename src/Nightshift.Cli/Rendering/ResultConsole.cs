using Spectre.Console;

namespace Nightshift.Cli.Rendering;

/// <summary>The console tables are written to on stdout.</summary>
internal static class ResultConsole
{
    /// <summary>
    /// Redirected output has no width to detect and Spectre would assume 80 columns, wrapping every example
    /// line in a file or a pipe; a fixed, wider width keeps one row per line there.
    /// </summary>
    private const int RedirectedWidth = 160;

    public static IAnsiConsole Create(CliHost host)
    {
        var console = host.CreateOutConsole();
        if (!host.Interactive)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
