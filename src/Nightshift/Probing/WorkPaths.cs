using Nightshift.Diagnostics;

namespace Nightshift.Probing;

/// <summary>
/// Diagnostics about files a step wrote into an item's scratch folder (a generator's output) name them by the folder's
/// placeholder, <c>{work}/p003.rs</c>, not by a temporary path deleted after the item: the same in every run and in the
/// cache, and resolvable against the outputs a probe kept (<see cref="ProbeOptions.KeepOutputsIn"/>).
/// </summary>
public static class WorkPaths
{
    public const string Placeholder = "{work}";

    /// <summary>Whether <paramref name="file"/> is a path inside an item's scratch folder.</summary>
    public static bool IsGenerated(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.StartsWith(Placeholder + "/", StringComparison.Ordinal);
    }

    /// <summary>The path a kept output has: <paramref name="file"/> (<c>{work}/p003.rs</c>) under the item's folder in <paramref name="kept"/>.</summary>
    public static string Resolve(string file, string kept, string item)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Path.Combine(kept, item, file[(Placeholder.Length + 1)..]);
    }

    /// <summary><paramref name="diagnostic"/> with every mention of <paramref name="work"/> replaced by the placeholder.</summary>
    internal static Diagnostic Normalize(Diagnostic diagnostic, string work)
    {
        var prefix = Path.TrimEndingDirectorySeparator(work);
        if (!Mentions(diagnostic, prefix))
        {
            return diagnostic;
        }

        return diagnostic with
        {
            Message = Replace(diagnostic.Message, prefix)!,
            Location = diagnostic.Location is { } location ? location with { File = Replace(location.File, prefix)! } : null,
            Related = [.. diagnostic.Related.Select(span => span with { File = Replace(span.File, prefix)! })],
            Children = [.. diagnostic.Children.Select(child => Replace(child, prefix)!)],
            Rendered = Replace(diagnostic.Rendered, prefix),
        };
    }

    private static bool Mentions(Diagnostic diagnostic, string prefix) =>
        diagnostic.Location?.File.Contains(prefix, StringComparison.Ordinal) == true
        || diagnostic.Related.Any(span => span.File.Contains(prefix, StringComparison.Ordinal))
        || diagnostic.Rendered?.Contains(prefix, StringComparison.Ordinal) == true
        || diagnostic.Message.Contains(prefix, StringComparison.Ordinal)
        || diagnostic.Children.Any(child => child.Contains(prefix, StringComparison.Ordinal));

    private static string? Replace(string? text, string prefix) => text?.Replace(prefix, Placeholder, StringComparison.Ordinal);
}
