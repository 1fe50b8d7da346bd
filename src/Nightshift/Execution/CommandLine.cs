using System.Buffers;

namespace Nightshift.Execution;

/// <summary>
/// Renders a command as a POSIX shell would need it typed (so it can be copied from a log and rerun),
/// with every secret masked. This is for people and logs only; the runner never passes it to a shell.
/// </summary>
public static class CommandLine
{
    /// <summary>Characters that never need quoting in sh, bash or zsh.</summary>
    private static readonly SearchValues<char> _plain =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-");

    /// <summary>Program and arguments, quoted where needed, secrets replaced by ***.</summary>
    public static string Render(CommandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var redactor = Redactor.For(spec);
        return string.Join(' ', spec.Arguments.Prepend(spec.FileName).Select(word => Quote(redactor.Redact(word))));
    }

    /// <summary>One word for sh: as is when plain, else in single quotes (a quote inside becomes '\'').</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && !word.AsSpan().ContainsAnyExcept(_plain))
        {
            return word;
        }

        return "'" + word.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
    }
}
