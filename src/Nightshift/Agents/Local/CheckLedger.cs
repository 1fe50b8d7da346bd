using Nightshift.Diagnostics;

namespace Nightshift.Agents.Local;

/// <summary>
/// What the re-checks said, kept so that the agent does not run a check twice on the same content:
/// the latest diagnostics per file (their suggestions are the next candidates) and the measure of each
/// set of files checked together (the baseline a change to that set must beat).
/// <para>
/// A measure is taken over everything one <see cref="IWorkspaceChecks.CheckAsync"/> call returns, so a
/// before/after comparison always compares the same kind of run, whether the probe checks one corpus item
/// or builds the whole project.
/// </para>
/// </summary>
internal sealed class CheckLedger(IWorkspaceChecks checks, WorkspacePaths paths)
{
    private readonly Dictionary<string, (IReadOnlyList<Diagnostic> Diagnostics, long CheckedAt)> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CheckMeasure> _measures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _changedAt = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>How many times the checks ran.</summary>
    public int Checks { get; private set; }

    /// <summary>The latest diagnostics of every checked file, oldest file first.</summary>
    public IEnumerable<CheckedDiagnostic> Diagnostics =>
        _byFile.Values.SelectMany(entry => entry.Diagnostics.Select(d => new CheckedDiagnostic(d, entry.CheckedAt)));

    /// <summary>The measure of <paramref name="files"/> as they are now: remembered, or checked (and remembered).</summary>
    public async Task<CheckMeasure> MeasureAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        if (_measures.TryGetValue(SetKey(files), out var known))
        {
            return known;
        }

        var outcome = await CheckAsync(files, cancellationToken).ConfigureAwait(false);
        Accept(outcome, changed: false);
        return outcome.Measure;
    }

    /// <summary>Runs the checks on <paramref name="files"/> and returns what they said, without remembering it yet.</summary>
    public async Task<CheckOutcome> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var diagnostics = await checks.CheckAsync(files, cancellationToken).ConfigureAwait(false);
        Checks++;
        return new CheckOutcome(files, diagnostics, CheckMeasure.Of(diagnostics), ++_clock);
    }

    /// <summary>
    /// Remembers <paramref name="outcome"/> as the truth about its files. With <paramref name="changed"/>
    /// (a kept change), older measures of sets that share a file and candidates from before are stale.
    /// </summary>
    public void Accept(CheckOutcome outcome, bool changed)
    {
        if (changed)
        {
            foreach (var file in outcome.Files)
            {
                _changedAt[file] = outcome.CheckedAt;
            }

            foreach (var key in _measures.Keys.Where(key => key.Split('\n').Intersect(outcome.Files).Any()).ToList())
            {
                _measures.Remove(key);
            }
        }

        _measures[SetKey(outcome.Files)] = outcome.Measure;
        foreach (var file in outcome.Files)
        {
            _byFile[file] = ([.. outcome.Diagnostics.Where(d => paths.Relative(d.Location?.File) == file)], outcome.CheckedAt);
        }
    }

    /// <summary>False when a file the candidate edits changed after the check that proposed it: its offsets are stale.</summary>
    public bool IsFresh(SuggestionCandidate candidate) =>
        candidate.Files.All(file => _changedAt.GetValueOrDefault(file) <= candidate.CheckedAt);

    /// <summary>A token that changes whenever one of <paramref name="files"/> is changed for good.</summary>
    public string VersionOf(IReadOnlyList<string> files) =>
        string.Join(',', files.Select(file => _changedAt.GetValueOrDefault(file)));

    private static string SetKey(IEnumerable<string> files) =>
        string.Join('\n', files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}

