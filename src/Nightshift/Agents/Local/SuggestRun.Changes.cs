namespace Nightshift.Agents.Local;

internal sealed partial class SuggestRun
{
    private const string ToolName = "apply_suggestion";

    /// <summary>
    /// Applies the machine-applicable candidates together: a candidate that does not fit its file, or clashes
    /// with one taken before it, waits for the next round. Returns whether the batch was kept and whether it
    /// improved the measure.
    /// </summary>
    private async Task<(bool Kept, bool Improved)> ApplyMachineBatchAsync(
        List<SuggestionCandidate> machine, CancellationToken cancellationToken)
    {
        var originals = await ReadAsync(machine.SelectMany(c => c.Files), cancellationToken).ConfigureAwait(false);
        var taken = originals.Keys.ToDictionary(file => file, _ => new List<ByteEdit>(), StringComparer.Ordinal);
        var applied = new List<SuggestionCandidate>();
        foreach (var candidate in machine)
        {
            var located = Locate(candidate, originals);
            if (located is null)
            {
                continue;
            }

            var fresh = located.Where(edit => !taken[edit.File].Any(t => t.SameAs(edit.Edit))).ToList();
            if (fresh.Any(edit => taken[edit.File].Any(t => t.ConflictsWith(edit.Edit))))
            {
                continue;
            }

            fresh.ForEach(edit => taken[edit.File].Add(edit.Edit));
            applied.Add(candidate);
        }

        var changed = Changed(originals, taken);
        if (changed.Count == 0)
        {
            return (true, false);
        }

        var files = changed.Keys.Order(StringComparer.Ordinal).ToList();
        var before = await _ledger.MeasureAsync(files, cancellationToken).ConfigureAwait(false);
        var after = await CheckChangedAsync(files, changed, originals, cancellationToken).ConfigureAwait(false);
        var kept = !before.IsBetterThan(after.Measure);
        if (kept)
        {
            _ledger.Accept(after, changed: true);
            _machineApplied += applied.Count;
            _errorsRemoved += before.Errors - after.Measure.Errors;
        }
        else
        {
            await WriteAsync(originals, cancellationToken).ConfigureAwait(false);
        }

        var outcome = kept ? "applied" : "reverted";
        foreach (var candidate in applied)
        {
            var verdict = kept
                ? $"applied with the other machine-applicable suggestions ({applied.Count}): {before} before, {after.Measure} after"
                : $"reverted with the other machine-applicable suggestions ({applied.Count}), which made it worse ({before} before, {after.Measure} after); each is tried alone next";
            await RecordAsync(candidate, $"{verdict}: {candidate.Describe()}", candidate.DescribeEdits(outcome, before, after.Measure), cancellationToken)
                .ConfigureAwait(false);
        }

        return (kept, kept && after.Measure.IsBetterThan(before));
    }

    /// <summary>Applies one candidate, re-checks its files, and keeps it only if the checks improved; true when kept.</summary>
    private async Task<bool> TryAsync(SuggestionCandidate candidate, CancellationToken cancellationToken)
    {
        var originals = await ReadAsync(candidate.Files, cancellationToken).ConfigureAwait(false);
        var located = Locate(candidate, originals);
        var changed = located is null ? [] : Changed(originals, located.GroupBy(e => e.File).ToDictionary(g => g.Key, g => g.Select(e => e.Edit).ToList()));
        if (changed.Count == 0)
        {
            _rejected.Add(RejectionKey(candidate));
            var why = located is null ? "does not fit the file as it is now" : "changes nothing";
            await RecordAsync(candidate, $"skipped, {why}: {candidate.Describe()}", candidate.DescribeEdits("skipped"), cancellationToken).ConfigureAwait(false);
            return false;
        }

        _tried++;
        var before = await _ledger.MeasureAsync(candidate.Files, cancellationToken).ConfigureAwait(false);
        var after = await CheckChangedAsync(candidate.Files, changed, originals, cancellationToken).ConfigureAwait(false);
        if (after.Measure.IsBetterThan(before))
        {
            _ledger.Accept(after, changed: true);
            _kept++;
            _errorsRemoved += before.Errors - after.Measure.Errors;
            await RecordAsync(candidate, $"kept ({before} before, {after.Measure} after): {candidate.Describe()}", candidate.DescribeEdits("kept", before, after.Measure), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }

        await WriteAsync(originals, cancellationToken).ConfigureAwait(false);
        _rejected.Add(RejectionKey(candidate));
        await RecordAsync(candidate, $"reverted ({before} before, {after.Measure} after): {candidate.Describe()}", candidate.DescribeEdits("reverted", before, after.Measure), cancellationToken)
            .ConfigureAwait(false);
        return false;
    }

    /// <summary>Writes the changed files and checks them; if the check fails or is canceled, the originals go back first.</summary>
    private async Task<CheckOutcome> CheckChangedAsync(
        IReadOnlyList<string> files, Dictionary<string, byte[]> changed, Dictionary<string, byte[]> originals, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(changed, CancellationToken.None).ConfigureAwait(false);
            return await _ledger.CheckAsync(files, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nobody will ever judge a change whose check did not finish: leave the worktree as it was.
            await WriteAsync(originals, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The candidate's edits located in the current contents, or null when one of them does not fit.</summary>
    private static List<(string File, ByteEdit Edit)>? Locate(SuggestionCandidate candidate, Dictionary<string, byte[]> contents)
    {
        var located = new List<(string File, ByteEdit Edit)>();
        foreach (var edit in candidate.Edits)
        {
            if (SourceLocator.Locate(contents[edit.File], edit.Replacement) is not { } bytes
                || located.Any(other => other.File == edit.File && other.Edit.ConflictsWith(bytes)))
            {
                return null;
            }

            located.Add((edit.File, bytes));
        }

        return located;
    }

    /// <summary>The new contents of the files the edits actually change.</summary>
    private static Dictionary<string, byte[]> Changed(Dictionary<string, byte[]> originals, Dictionary<string, List<ByteEdit>> edits)
    {
        var changed = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (file, fileEdits) in edits.Where(pair => pair.Value.Count > 0))
        {
            var content = ByteEdit.ApplyAll(originals[file], fileEdits);
            if (!content.AsSpan().SequenceEqual(originals[file]))
            {
                changed[file] = content;
            }
        }

        return changed;
    }

    private async Task<Dictionary<string, byte[]>> ReadAsync(IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            contents[file] = await File.ReadAllBytesAsync(_paths.Full(file), cancellationToken).ConfigureAwait(false);
        }

        return contents;
    }

    private async Task WriteAsync(Dictionary<string, byte[]> contents, CancellationToken cancellationToken)
    {
        foreach (var (file, content) in contents)
        {
            await File.WriteAllBytesAsync(_paths.Full(file), content, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task RecordAsync(SuggestionCandidate candidate, string text, string arguments, CancellationToken cancellationToken) =>
        _request.Transcript.AppendAsync(new TranscriptEntry(_round, "tool", text, ToolName, arguments), cancellationToken);
}
