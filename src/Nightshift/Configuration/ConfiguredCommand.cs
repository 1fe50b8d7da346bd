using Nightshift.Execution;

namespace Nightshift.Configuration;

/// <summary>
/// A command from the configuration: an argument list (<c>[cargo, check]</c>), run as is, or a string
/// (<c>"make clean &amp;&amp; make"</c>), which the user asked to run through <c>sh -c</c>.
/// </summary>
public sealed record ConfiguredCommand
{
    private ConfiguredCommand(IReadOnlyList<string> arguments, string? script)
    {
        Arguments = arguments;
        Script = script;
    }

    /// <summary>The argument vector to execute; for a shell command, <c>["sh", "-c", Script]</c>.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The shell script as written, when the configuration gave a string; otherwise null.</summary>
    public string? Script { get; }

    public bool UsesShell => Script is not null;

    public static ConfiguredCommand Argv(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0 || string.IsNullOrEmpty(arguments[0]))
        {
            throw new ArgumentException("A command needs at least a program name.", nameof(arguments));
        }

        return new([.. arguments], null);
    }

    public static ConfiguredCommand Shell(string script)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(script);
        return new(["sh", "-c", script], script);
    }

    /// <summary>The process runner's view of this command.</summary>
    public CommandSpec ToSpec() => new(Arguments[0], Arguments.Skip(1).ToArray());

    /// <summary>The command as a person would type it (for messages, not for execution).</summary>
    public override string ToString() =>
        Script ?? string.Join(' ', Arguments.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a));

    public bool Equals(ConfiguredCommand? other) =>
        other is not null && Script == other.Script && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Script, Arguments.Count, Arguments[0]);
}
