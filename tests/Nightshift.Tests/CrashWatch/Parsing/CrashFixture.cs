using Nightshift.Diagnostics.Crashes;
using Nightshift.Tests.Diagnostics;

namespace Nightshift.Tests.CrashWatch.Parsing;

/// <summary>The crash reports under Fixtures/crashes (see regenerate.sh there) and the projects they came from.</summary>
public static class CrashFixture
{
    public const string Dir = "/tmp/nightshift-fixtures/crashes/";

    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "crashes"), "*.txt").Select(Path.GetFileName).Order()!];

    public static string Read(string name) => Fixture.Read("crashes/" + name);

    public static CrashRecord Parse(string name) =>
        CrashParsers.Parse(Read(name)) ?? throw new InvalidOperationException($"{name} did not parse");

    /// <summary>
    /// What the pipeline's predicate decides from the repository: the C++ programs were built from
    /// relative paths under src/, the others print absolute paths under their project folder.
    /// </summary>
    public static bool IsOwn(CrashFrame frame) =>
        frame.File is { } file
        && (file.StartsWith("src/", StringComparison.Ordinal)
            || file.StartsWith("./src/", StringComparison.Ordinal)
            || file.StartsWith(Dir, StringComparison.Ordinal)
            || file.StartsWith(@"C:\TrinityCore\src\", StringComparison.Ordinal));

    public static IEnumerable<string> OwnLocations(this CrashRecord crash, int count = 3) =>
        crash.OwnFrames(IsOwn).Take(count).Select(frame => $"{frame.Function} @ {frame.Location}");
}
