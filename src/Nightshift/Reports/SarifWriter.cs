using System.Text.Encodings.Web;
using System.Text.Json;
using Nightshift.Clustering;
using Nightshift.Diagnostics;
using Nightshift.Files;
using Nightshift.Probing;

namespace Nightshift.Reports;

/// <summary>
/// Writes a snapshot as SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), the
/// format code-scanning services and IDE viewers read: one run per tool, its codes as rules, every diagnostic
/// a result. Relative paths stay relative to <c>SRCROOT</c>, the probed checkout.
/// </summary>
public static class SarifWriter
{
    public const string Version = "2.1.0";
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string RootBaseId = "SRCROOT";

    /// <summary>Writes <paramref name="path"/> (creating its folder) whole or not at all: a temporary file is moved over it.</summary>
    /// <exception cref="NightshiftException">The file cannot be written.</exception>
    public static async Task WriteFileAsync(Snapshot snapshot, string path, string? root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = Path.GetFullPath(path);
        try
        {
            await AtomicFile.WriteAsync(fullPath, (stream, token) => WriteAsync(snapshot, stream, root, token), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NightshiftException($"cannot write the SARIF report to {fullPath}: {e.Message}", isFatal: true, e);
        }
    }

    /// <param name="snapshot">What to write.</param>
    /// <param name="destination">Receives UTF-8 JSON.</param>
    /// <param name="root">The probed checkout, recorded as <see cref="RootBaseId"/>; null to leave it to the reader.</param>
    /// <param name="cancellationToken">Stops between results.</param>
    public static async Task WriteAsync(Snapshot snapshot, Stream destination, string? root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(destination);
        await using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", Schema);
        json.WriteString("version", Version);
        json.WriteStartArray("runs");
        foreach (var tool in snapshot.Diagnostics.GroupBy(d => d.Tool, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            WriteRun(json, tool.Key, [.. tool.Select(d => (d, RuleId(d)))], root);
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteRun(
        Utf8JsonWriter json, string tool, IReadOnlyList<(Diagnostic Diagnostic, string Rule)> diagnostics, string? root)
    {
        // A rule's description is its first diagnostic's message: codes come with no text of their own.
        var rules = diagnostics
            .GroupBy(d => d.Rule, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Text: g.First().Diagnostic.Message.Split('\n', 2)[0]))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(r => r.Id, r => r.index, StringComparer.Ordinal);
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", tool);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Text);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        if (root is not null)
        {
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(RootBaseId);
            json.WriteString("uri", SarifUris.Directory(root));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartArray("results");
        foreach (var (diagnostic, rule) in diagnostics)
        {
            WriteResult(json, diagnostic, rule, ruleIndex[rule]);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, string rule, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", rule);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();
        if (diagnostic.Location is { } location)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            WritePhysicalLocation(json, location);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (diagnostic.Item is { } item)
        {
            json.WriteStartObject("properties");
            json.WriteString("item", item);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, SourceSpan location)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", SarifUris.File(location.File));
        if (!Path.IsPathRooted(location.File))
        {
            json.WriteString("uriBaseId", RootBaseId);
        }

        json.WriteEndObject();

        // SARIF lines and columns are 1-based like the tools'; a region without a start line is invalid, so none is written.
        if (location.Line is >= 1 and var line)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            WriteIfPositive(json, "startColumn", location.Column);
            WriteIfPositive(json, "endLine", location.EndLine);
            WriteIfPositive(json, "endColumn", location.EndColumn);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteIfPositive(Utf8JsonWriter json, string name, int? value)
    {
        if (value is >= 1 and var number)
        {
            json.WriteNumber(name, number);
        }
    }

    /// <summary>The tool's code, or for a diagnostic without one, the message template it clusters by.</summary>
    private static string RuleId(Diagnostic diagnostic)
    {
        var key = ClusterKey.Of(diagnostic);
        return key.Code ?? key.Template ?? "";
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
