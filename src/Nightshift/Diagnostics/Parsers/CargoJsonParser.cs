using System.Text.Json;
using Nightshift.Files;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// Parses <c>cargo --message-format=json</c> output: rustc diagnostics wrapped in
/// <c>{"reason":"compiler-message","message":{...}}</c>; artifacts, build-script runs and
/// build-finished lines are ignored.
/// </summary>
public sealed class CargoJsonParser : IDiagnosticParser
{
    public IReadOnlyList<Diagnostic> Parse(string output)
    {
        var diagnostics = new List<Diagnostic>();
        // A package's lib and its test harness compile the same file twice (--all-targets), and
        // both report the same warning; one fix removes both, so it counts once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in JsonLines.Objects(output))
        {
            if (!line.TryGetProperty("reason", out var reason) || reason.GetString() != "compiler-message"
                || !line.TryGetProperty("message", out var message)
                || RustcJson.Parse(message) is not { } diagnostic)
            {
                continue;
            }

            var package = line.TryGetProperty("package_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : "";
            if (seen.Add($"{package}\n{diagnostic.Rendered ?? message.GetRawText()}"))
            {
                diagnostics.Add(diagnostic);
            }
        }

        return diagnostics;
    }
}
