using System.Text.RegularExpressions;

namespace Nightshift.Agents.Prompts;

/// <summary>
/// A prompt template: text with <c>{{name}}</c> placeholders, rendered strictly. A placeholder without a
/// value is an error naming the template and the variable, because a prompt that silently says
/// "Fix the cluster ." wastes a night; a value nobody uses is fine. Rendering is one pass, so values
/// that contain braces (source code, diagnostics) are never rendered again.
/// </summary>
/// <param name="Source">Where the template came from, for error messages: a file path or <c>embedded:name</c>.</param>
/// <param name="Text">The template text.</param>
public sealed partial record PromptTemplate(string Source, string Text)
{
    /// <summary>The variable names the template uses, in order of first use.</summary>
    public IReadOnlyList<string> Variables =>
        [.. Placeholder().Matches(Text).Select(match => match.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    /// <exception cref="PromptTemplateException">A placeholder has no value.</exception>
    public string Render(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (Variables.FirstOrDefault(name => !variables.ContainsKey(name)) is { } missing)
        {
            var given = variables.Count == 0 ? "none" : string.Join(", ", variables.Keys.Order(StringComparer.Ordinal));
            throw new PromptTemplateException(
                Source,
                missing,
                $"The prompt template {Source} uses {{{{{missing}}}}}, but no value was given for '{missing}' (given: {given}). Remove it from the template or have the workload set it.");
        }

        return Placeholder().Replace(Text, match => variables[match.Groups["name"].Value]);
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
