using System.Text.Json;
using Nightshift.Agents.Transcripts;
using Nightshift.Files;

namespace Nightshift.Agents.Local;

/// <summary>
/// Finds the recorded changes for a task. The source (<c>agent.replay</c>) is:
/// <list type="bullet">
/// <item>a directory holding <c>&lt;name&gt;.patch</c> (or <c>.diff</c>, a unified diff) or <c>&lt;name&gt;.jsonl</c>
/// (a recording, below), where the name is the task's key, else its id, made a safe file name
/// (<c>rustc:error:E0308</c> → <c>rustc_error_E0308.patch</c>);</item>
/// <item>a <c>.patch</c> or <c>.diff</c> file: the change for every task (a one-task demo);</item>
/// <item>any other file: a recording.</item>
/// </list>
/// A recording is JSON lines, each one of <c>{"task": "…", "patch": "…"}</c>,
/// <c>{"task": "…", "path": "…", "content": "…"}</c>, or a transcript entry (<see cref="TranscriptJson"/>)
/// of a <c>write_file</c> call (arguments <c>{"path", "content"}</c>) or an <c>apply_patch</c> call
/// (<c>{"patch"}</c>). A line with a <c>task</c> belongs to the task with that key or id; a line without one
/// to every task, so an agent's transcript replays as it was recorded. Other lines are skipped.
/// </summary>
internal static class ReplayRecording
{
    private static readonly string[] _patchExtensions = [".patch", ".diff"];

    /// <summary>The changes recorded for <paramref name="task"/> in order, with the file they came from; none when there is no recording.</summary>
    public static async Task<(IReadOnlyList<RecordedChange> Changes, string? From)> FindAsync(
        string source, AgentTask task, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(task);
        if (Directory.Exists(source))
        {
            foreach (var name in new[] { task.Key, task.Id }.OfType<string>().Select(SafeFileName.From).Distinct(StringComparer.Ordinal))
            {
                foreach (var extension in _patchExtensions.Append(".jsonl"))
                {
                    var path = Path.Combine(source, name + extension);
                    if (File.Exists(path))
                    {
                        return (await ReadAsync(path, task, cancellationToken).ConfigureAwait(false), path);
                    }
                }
            }

            return ([], null);
        }

        if (!File.Exists(source))
        {
            throw new NightshiftException(
                $"The replay source {source} does not exist: set agent.replay to a directory of <task>.patch files or a JSONL recording.");
        }

        var changes = await ReadAsync(source, task, cancellationToken).ConfigureAwait(false);
        return (changes, changes.Count > 0 ? source : null);
    }

    private static async Task<IReadOnlyList<RecordedChange>> ReadAsync(string path, AgentTask task, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        if (_patchExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
        {
            return [new RecordedPatch(text)];
        }

        var changes = new List<RecordedChange>();
        foreach (var line in text.Split('\n').Where(line => line.TrimStart().StartsWith('{')))
        {
            if (Parse(line, task) is { } change)
            {
                changes.Add(change);
            }
        }

        return changes;
    }

    private static RecordedChange? Parse(string line, AgentTask task)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (Text(root, "task") is { } owner && !BelongsTo(owner, task))
            {
                return null;
            }

            return Change(root) ?? (TranscriptJson.Parse(line) is { ToolArguments: { } arguments } entry ? FromToolCall(entry.ToolName, arguments) : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The task named by its key or id, as written or as the safe file name a directory would use.</summary>
    private static bool BelongsTo(string owner, AgentTask task) =>
        new[] { task.Key, task.Id }.OfType<string>().Any(name => name == owner || SafeFileName.From(name) == SafeFileName.From(owner));

    private static RecordedChange? FromToolCall(string? tool, string arguments)
    {
        using var document = JsonDocument.Parse(arguments);
        return tool is "write_file" or "apply_patch" ? Change(document.RootElement) : null;
    }

    private static RecordedChange? Change(JsonElement element) =>
        element.ValueKind != JsonValueKind.Object ? null
        : Text(element, "patch") is { } patch ? new RecordedPatch(patch)
        : Text(element, "path") is { } file && Text(element, "content") is { } content ? new RecordedWrite(file, content)
        : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
