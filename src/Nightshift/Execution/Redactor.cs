namespace Nightshift.Execution;

/// <summary>
/// Replaces secret values with <see cref="Mask"/> in text meant for people or logs: a command line, a
/// transcript, captured output a caller is about to persist.
/// </summary>
public sealed class Redactor
{
    public const string Mask = "***";

    /// <summary>
    /// A value this short taken from a variable's name alone (<c>USE_KEY=1</c>) is no credential, and
    /// masking it would turn <c>exit 1</c> into <c>exit ***</c>. Explicit secrets are masked at any length.
    /// </summary>
    private const int MinimumDerivedLength = 4;

    private static readonly string[] _secretNameEndings = ["_KEY", "_TOKEN", "_PAT", "_PASS", "_PASSWD", "_CREDENTIALS", "_AUTH"];

    private static readonly string[] _secretNameParts = ["SECRET", "PASSWORD", "CREDENTIAL", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY"];

    // Every AWS_* variable is either a credential or names one (AWS_SESSION_TOKEN, AWS_PROFILE, AWS_SHARED_CREDENTIALS_FILE).
    private static readonly string[] _secretNamePrefixes = ["AWS_"];

    private readonly string[] _secrets;

    public Redactor(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);

        // Longest first, so a secret that contains another is masked whole rather than in part.
        _secrets = [.. secrets.Where(secret => !string.IsNullOrWhiteSpace(secret))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(secret => secret.Length)];
    }

    /// <summary>The spec's explicit secrets plus the values of its environment variables with secret-looking names.</summary>
    public static Redactor For(CommandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return ForEnvironment(spec.Environment, spec.Secrets);
    }

    /// <summary>
    /// <paramref name="secrets"/> plus the values of the variables in <paramref name="environment"/> with secret-looking
    /// names: what a child process could echo from the environment it inherits.
    /// </summary>
    public static Redactor ForEnvironment(IEnumerable<KeyValuePair<string, string?>> environment, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(secrets);
        var derived = environment
            .Where(variable => IsSecretName(variable.Key) && variable.Value is { Length: >= MinimumDerivedLength })
            .Select(variable => variable.Value!);
        return new Redactor(secrets.Concat(derived));
    }

    /// <summary><paramref name="secrets"/> plus the secret-named variables of this process's environment, which every child inherits.</summary>
    public static Redactor ForProcess(IEnumerable<string> secrets) =>
        ForEnvironment(
            System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .Select(entry => new KeyValuePair<string, string?>((string)entry.Key, entry.Value as string)),
            secrets);

    /// <summary>
    /// True for variable names that by convention hold credentials: *_KEY, *_TOKEN, *_PAT, *_PASS, *_PASSWD,
    /// *_CREDENTIALS, *_AUTH, anything with SECRET, PASSWORD, CREDENTIAL, API_KEY, ACCESS_KEY or PRIVATE_KEY in it, and AWS_*.
    /// Errs towards masking: a masked harmless value costs little.
    /// </summary>
    public static bool IsSecretName(string variableName)
    {
        ArgumentNullException.ThrowIfNull(variableName);
        return _secretNameEndings.Any(ending => variableName.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            || _secretNameParts.Any(part => variableName.Contains(part, StringComparison.OrdinalIgnoreCase))
            || _secretNamePrefixes.Any(prefix => variableName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
