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
    public static IReadOnlyList<string> Fill(IReadOnlyList<string> step, string item, string work, string root, string target)
    {
        var stem = Path.GetFileNameWithoutExtension(item);
        var path = item.StartsWith('-') ? "./" + item : item;
        return [.. step.Select(argument => argument
            .Replace("{item}", path, StringComparison.Ordinal)
            .Replace("{stem}", stem, StringComparison.Ordinal)
            .Replace("{work}", work, StringComparison.Ordinal)
            .Replace("{root}", root, StringComparison.Ordinal)
            .Replace("{target}", target, StringComparison.Ordinal))];
    }

    /// <summary>The program of a step before any item is known: only <c>{root}</c> and <c>{target}</c> can be filled.</summary>
    public static string Program(IReadOnlyList<string> step, string root, string target) =>
        step[0].Replace("{root}", root, StringComparison.Ordinal).Replace("{target}", target, StringComparison.Ordinal);

    /// <summary>
    /// <c>{target}</c>: where a cargo build in <paramref name="root"/> writes, so a step can run a generator the build made:
    /// the worker's <c>CARGO_TARGET_DIR</c> in an attempt's worktree, else the one Nightshift runs with, else <c>{root}/target</c>.
    /// </summary>
    public static string Target(ProbeOptions options, string root)
    {
        if (options.Environment.TryGetValue("CARGO_TARGET_DIR", out var worker) && !string.IsNullOrEmpty(worker))
        {
            return Path.GetFullPath(worker, root);
        }

        return Environment.GetEnvironmentVariable("CARGO_TARGET_DIR") is { Length: > 0 } inherited
            ? Path.GetFullPath(inherited, root)
            : Path.Combine(root, "target");
    }
}
