using Spectre.Console;

namespace Nightshift.Cli;

/// <summary>
/// Where a command runs and writes: the working directory and the two streams. Results go to
/// <see cref="Out"/> (stdout), diagnostics and progress to <see cref="Error"/> (stderr).
/// Tests run the app in-process with their own host.
/// </summary>
internal sealed record CliHost(string WorkingDirectory, TextWriter Out, TextWriter Error, bool Interactive)
{
    public static CliHost FromProcess() => new(
        Environment.CurrentDirectory,
        Console.Out,
        Console.Error,
        Interactive: !Console.IsErrorRedirected && !Console.IsOutputRedirected);

    /// <summary>A console for results; plain text when redirected or when NO_COLOR is set.</summary>
    public IAnsiConsole CreateOutConsole() => CreateConsole(Out, Interactive);

    /// <summary>A console for progress and diagnostics on stderr.</summary>
    public IAnsiConsole CreateErrorConsole() => CreateConsole(Error, Interactive);

    private static IAnsiConsole CreateConsole(TextWriter writer, bool interactive)
    {
        // https://no-color.org: any non-empty value disables colour.
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive && !noColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive && !noColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
