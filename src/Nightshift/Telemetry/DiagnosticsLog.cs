using Nightshift.Diagnostics;
using Nightshift.Files;

namespace Nightshift.Telemetry;

/// <summary>
/// <c>.nightshift/diagnostics.jsonl</c>: every diagnostic of every journaled snapshot, one line each, so that
/// the nights' measurements become a data set (what the tools said, clustered, before and after fixes).
/// </summary>
public sealed class DiagnosticsLog(string path)
{
    private readonly Lock _gate = new();

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Appends one line per diagnostic of the snapshot journaled as <paramref name="snapshotId"/>.</summary>
    public void Append(long snapshotId, long? sessionId, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var lines = diagnostics.Select(d => DiagnosticLine.From(snapshotId, sessionId, d).ToJsonLine()).ToList();
        lock (_gate)
        {
            JsonLines.Append(Path, lines);
        }
    }

    /// <summary>The last <paramref name="count"/> lines of the file at <paramref name="path"/>, oldest first.</summary>
    public static IReadOnlyList<string> ReadLast(string path, int count) => JsonLines.ReadLast(path, count);
}
