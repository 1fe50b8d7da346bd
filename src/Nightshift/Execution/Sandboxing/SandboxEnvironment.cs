namespace Nightshift.Execution.Sandboxing;

/// <summary>
/// The environment of a confined command: an allow-list of the inherited variables (the search path, home, locale,
/// terminal and toolchain homes), the names <c>sandbox.env</c> adds, and the variables the caller set on the
/// command (such as <c>CARGO_TARGET_DIR</c>); never a variable whose name looks like a credential
/// (<see cref="Redactor.IsSecretName"/>), whoever set it.
/// </summary>
public static class SandboxEnvironment
{
    /// <summary>Inherited variables a build or a test run commonly needs and that hold no secret.</summary>
    public static IReadOnlyList<string> Allowed { get; } =
    [
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "TERM", "TZ", "LANG", "LANGUAGE", "NO_COLOR",
        "CARGO_HOME", "RUSTUP_HOME", "RUSTUP_TOOLCHAIN", "RUSTFLAGS", "RUST_BACKTRACE", "CARGO_TERM_COLOR",
        "DOTNET_ROOT", "DOTNET_CLI_HOME", "NUGET_PACKAGES", "GOPATH", "GOROOT", "GOFLAGS", "JAVA_HOME",
        "VIRTUAL_ENV", "PYTHONPATH", "NODE_PATH", "CC", "CXX", "CFLAGS", "CXXFLAGS", "LDFLAGS", "PKG_CONFIG_PATH",
    ];

    /// <summary>Prefixes of inherited variables allowed as a family: locale categories and the .NET CLI's switches.</summary>
    public static IReadOnlyList<string> AllowedPrefixes { get; } = ["LC_", "DOTNET_"];

    /// <summary>
    /// The variables to change relative to <paramref name="inherited"/> so that the command sees only what is allowed:
    /// every inherited variable not allowed maps to null (removed), every explicit one keeps its value unless its name
    /// looks secret. The result is meant for <see cref="CommandSpec.Environment"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Scrub(
        IReadOnlyDictionary<string, string> inherited, IReadOnlyDictionary<string, string?> explicitly, IReadOnlyList<string> passed)
    {
        ArgumentNullException.ThrowIfNull(inherited);
        ArgumentNullException.ThrowIfNull(explicitly);
        ArgumentNullException.ThrowIfNull(passed);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in inherited.Keys)
        {
            if (!IsAllowed(name, passed))
            {
                result[name] = null;
            }
        }

        foreach (var (name, value) in explicitly)
        {
            result[name] = Redactor.IsSecretName(name) ? null : value;
        }

        return result;
    }

    /// <summary>The process's own environment, as <see cref="Scrub"/> reads it.</summary>
    public static IReadOnlyDictionary<string, string> Inherited() =>
        System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "", StringComparer.Ordinal);

    private static bool IsAllowed(string name, IReadOnlyList<string> passed) =>
        !Redactor.IsSecretName(name)
        && (Allowed.Contains(name, StringComparer.Ordinal)
            || passed.Contains(name, StringComparer.Ordinal)
            || AllowedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
}
