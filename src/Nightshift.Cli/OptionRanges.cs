using System.CommandLine;

namespace Nightshift.Cli;

/// <summary>Range checks for integer options, reported as usage errors (exit 2) before the command runs.</summary>
internal static class OptionRanges
{
    public static void AtLeast(Option<int?> option, int minimum) => Within(option, minimum, int.MaxValue);

    public static void Within(Option<int> option, int minimum, int maximum) =>
        option.Validators.Add(result => Check(result, option.Name, result.GetValueOrDefault<int>(), minimum, maximum));

    public static void Within(Option<int?> option, int minimum, int maximum) =>
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value)
            {
                Check(result, option.Name, value, minimum, maximum);
            }
        });

    private static void Check(System.CommandLine.Parsing.OptionResult result, string name, int value, int minimum, int maximum)
    {
        if (value < minimum)
        {
            result.AddError($"{name} must be at least {minimum}, got {value}.");
        }
        else if (value > maximum)
        {
            result.AddError($"{name} must be at most {maximum}, got {value}.");
        }
    }
}
