namespace Nightshift.Configuration;

/// <summary>
/// The configuration cannot be used: the file is missing, unreadable or invalid. Carries every problem
/// found (not just the first) so a person fixes them in one pass. Exit code 2.
/// </summary>
public sealed class ConfigException : NightshiftException
{
    public ConfigException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ConfigError> Errors { get; }

    public override int ExitCode => ExitCodes.UsageOrConfig;

    private static string Describe(IReadOnlyList<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count switch
        {
            0 => throw new ArgumentException("A configuration error needs at least one problem.", nameof(errors)),
            1 => errors[0].ToString(),
            _ => $"{errors.Count} problems in {errors[0].File}:{Environment.NewLine}" +
                 string.Join(Environment.NewLine, errors.Select(e => $"  {e}")),
        };
    }
}
