using System.Text;

namespace Nightshift.Configuration;

/// <summary>
/// One problem in a configuration file, pointing at the exact node:
/// <c>nightshift.yml:12:5: probe.timout: unknown key. Accepted keys: command, ... Did you mean 'timeout'?</c>
/// </summary>
/// <param name="File">The file as it was named when loaded.</param>
/// <param name="Line">1-based.</param>
/// <param name="Column">1-based.</param>
/// <param name="Key">The dotted key of the node, e.g. <c>probe.corpus.steps[1]</c>; empty for a YAML syntax error.</param>
/// <param name="Problem">What is wrong, as a short sentence.</param>
public sealed record ConfigError(string File, int Line, int Column, string Key, string Problem)
{
    /// <summary>The values (or keys, forms, placeholders: see <see cref="AcceptedNoun"/>) that would be accepted.</summary>
    public IReadOnlyList<string> Accepted { get; init; } = [];

    /// <summary>What <see cref="Accepted"/> lists, in the plural: "keys", "values", "forms", "placeholders".</summary>
    public string AcceptedNoun { get; init; } = "values";

    /// <summary>The nearest accepted value to what was written, when it looks like a typo.</summary>
    public string? Suggestion { get; init; }

    public override string ToString()
    {
        var text = new StringBuilder($"{File}:{Line}:{Column}: ");
        if (Key.Length > 0)
        {
            text.Append(Key).Append(": ");
        }

        text.Append(Problem.TrimEnd());
        if (!Problem.EndsWith('.') && !Problem.EndsWith('?'))
        {
            text.Append('.');
        }

        if (Accepted.Count > 0)
        {
            text.Append($" Accepted {AcceptedNoun}: {string.Join(", ", Accepted)}.");
        }

        if (Suggestion is not null)
        {
            text.Append($" Did you mean '{Suggestion}'?");
        }

        return text.ToString();
    }
}
