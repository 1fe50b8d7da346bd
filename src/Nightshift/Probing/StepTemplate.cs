namespace Nightshift.Probing;

/// <summary>
/// Fills a corpus step's placeholders for one item. <c>{item}</c> is the path relative to the root, never
/// absolute: tools print it back in their diagnostics, which must be identical whichever checkout (the
/// repository or an attempt's worktree) was probed, so that snapshots of both compare and cached results fit both.
/// An item whose name starts with '-' (<c>-o.rs</c>, <c>--help.rs</c>) is passed as <c>./-o.rs</c>, so that no tool
/// reads it as an option.
/// </summary>
internal static class StepTemplate
{
    public static IReadOnlyList<string> Fill(IReadOnlyList<string> step, string item, string work, string root)
    {
        var stem = Path.GetFileNameWithoutExtension(item);
        var path = item.StartsWith('-') ? "./" + item : item;
        return [.. step.Select(argument => argument
            .Replace("{item}", path, StringComparison.Ordinal)
            .Replace("{stem}", stem, StringComparison.Ordinal)
            .Replace("{work}", work, StringComparison.Ordinal)
            .Replace("{root}", root, StringComparison.Ordinal))];
    }

    /// <summary>The program of a step before any item is known: only <c>{root}</c> can be filled.</summary>
    public static string Program(IReadOnlyList<string> step, string root) =>
        step[0].Replace("{root}", root, StringComparison.Ordinal);
}
