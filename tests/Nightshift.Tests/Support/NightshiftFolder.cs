using Nightshift.Files;

namespace Nightshift.Tests.Support;

/// <summary>For specs that name a repository's <c>.nightshift</c> folder itself: the layout whose root it is.</summary>
internal static class NightshiftFolder
{
    public static NightshiftPaths Of(string nightshiftDirectory)
    {
        var paths = NightshiftPaths.For(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(nightshiftDirectory)))!);
        return paths.Root == Path.TrimEndingDirectorySeparator(Path.GetFullPath(nightshiftDirectory))
            ? paths
            : throw new ArgumentException($"{nightshiftDirectory} is not a folder named {NightshiftPaths.DirectoryName}", nameof(nightshiftDirectory));
    }
}
