using Nightshift.Execution;

namespace Nightshift.Probing;

/// <summary>What a parser reads of a finished command: both streams, since tools differ in which one they use.</summary>
internal static class StepOutput
{
    public static string Text(CommandResult result) =>
        result.StandardOutput.Length == 0 ? result.StandardError
        : result.StandardError.Length == 0 ? result.StandardOutput
        : $"{result.StandardOutput}\n{result.StandardError}";
}
