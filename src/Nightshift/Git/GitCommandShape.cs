namespace Nightshift.Git;

/// <summary>
/// A git command split the way the guard reads it: the subcommand, its options (words before <c>--</c> that
/// start with a dash) and its positional words (the others before <c>--</c>). Pathspecs after <c>--</c> are
/// neither, so a file named <c>-f</c> is not mistaken for an option.
/// </summary>
internal sealed record GitCommandShape(string Name, IReadOnlyList<string> Options, IReadOnlyList<string> Positionals)
{
    public static GitCommandShape Of(IReadOnlyList<string> arguments)
    {
        var options = new List<string>();
        var positionals = new List<string>();
        foreach (var word in arguments.Skip(1))
        {
            if (word == "--")
            {
                break;
            }

            (word.Length > 1 && word[0] == '-' ? options : positionals).Add(word);
        }

        return new GitCommandShape(arguments[0], options, positionals);
    }

    /// <summary>Null when every option is one of <paramref name="allowed"/>, else why not.</summary>
    public string? OnlyOptions(params string[] allowed)
    {
        var other = Options.FirstOrDefault(option => !allowed.Contains(option, StringComparer.Ordinal));
        return other is null ? null : $"git {Name} does not need {other}";
    }
}
