using System.Globalization;
using System.Text.Json;
using Nightshift.Diagnostics;

namespace Nightshift.Agents.Local;

/// <summary>
/// One way to apply one suggestion: its edits, all or none. A suggestion that offers alternatives (rustc
/// lists several spans for one place, e.g. two candidate imports) yields one candidate per alternative.
/// </summary>
/// <param name="Source">The diagnostic the suggestion belongs to.</param>
/// <param name="Suggestion">The suggestion as the tool gave it.</param>
/// <param name="Edits">This alternative's replacements, with worktree-relative files.</param>
/// <param name="IsMachineApplicable">Safe to apply unread: MachineApplicable and without alternatives.</param>
/// <param name="CheckedAt">When the check that produced <paramref name="Source"/> ran (a <see cref="CheckLedger"/> stamp).</param>
internal sealed record SuggestionCandidate(
    Diagnostic Source,
    Suggestion Suggestion,
    IReadOnlyList<FileEdit> Edits,
    bool IsMachineApplicable,
    long CheckedAt)
{
    public IReadOnlyList<string> Files { get; } = [.. Edits.Select(e => e.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>What the edits are, independent of the diagnostic that proposed them: equal keys are one change.</summary>
    public string Key { get; } = string.Join('\n', Edits.Select(e => e.Key));

    /// <summary>"consider borrowing here (E0308 at corpus/p002.rs:7:9)".</summary>
    public string Describe()
    {
        var at = Source.Location is { } location
            ? string.Create(CultureInfo.InvariantCulture, $" at {location.File}:{location.Line}:{location.Column}")
            : "";
        return $"{Suggestion.Message} ({Source.Code ?? Source.Message}{at})";
    }

    /// <summary>The edits and what became of them as JSON, for the transcript entry's tool arguments.</summary>
    public string DescribeEdits(string outcome, CheckMeasure? before = null, CheckMeasure? after = null)
    {
        var fields = new Dictionary<string, object?>
        {
            ["applicability"] = Suggestion.Applicability.ToString(),
            ["outcome"] = outcome,
        };
        if (before is { } b && after is { } a)
        {
            fields["errors_before"] = b.Errors;
            fields["errors_after"] = a.Errors;
            fields["warnings_before"] = b.Warnings;
            fields["warnings_after"] = a.Warnings;
        }

        fields["edits"] = Edits.Select(e => e.ToFields()).ToList();
        return JsonSerializer.Serialize(fields);
    }
}
