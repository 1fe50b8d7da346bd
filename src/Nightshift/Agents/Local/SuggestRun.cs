using System.Diagnostics;
using System.Globalization;
using Nightshift.Clustering;
using Nightshift.Diagnostics;

namespace Nightshift.Agents.Local;

/// <summary>One run of <see cref="SuggestAgent"/>: the round loop and its tally.</summary>
internal sealed partial class SuggestRun
{
    private static readonly AgentUsage _free = new(0, 0, 0m);

    private readonly AgentRequest _request;
    private readonly WorkspacePaths _paths;
    private readonly CheckLedger _ledger;
    private readonly Func<Diagnostic, bool> _inScope;
    private readonly HashSet<string> _rejected = new(StringComparer.Ordinal);
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private int _round;
    private int _machineApplied;
    private int _tried;
    private int _kept;
    private int _errorsRemoved;

    public SuggestRun(AgentRequest request, SuggestionScope scope)
    {
        _request = request;
        _paths = new WorkspacePaths(request.Worktree);
        _ledger = new CheckLedger(request.Checks, _paths);

        // By default only the task's cluster is fair game: its diagnostics define the target (tool, severity
        // and code), so a fix of some other error never lands under this task's ticket.
        var targets = request.Task.Diagnostics.Select(ClusterKey.Of).ToHashSet();
        _inScope = scope == SuggestionScope.All ? _ => true : d => targets.Contains(ClusterKey.Of(d));
    }

    private enum RoundEnd
    {
        Improved,
        NothingHelped,
        OutOfTime,
    }

    public async Task<AgentResult> RunAsync(CancellationToken cancellationToken)
    {
        var files = TaskFiles();
        _round = 1;
        if (files.Count == 0)
        {
            await NoteAsync("The task's diagnostics name no file in the worktree: there is nothing to apply.", cancellationToken).ConfigureAwait(false);
            return Finish(AgentStopReason.Finished);
        }

        try
        {
            var initial = await _ledger.MeasureAsync(files, cancellationToken).ConfigureAwait(false);
            await NoteAsync($"Checked {string.Join(", ", files)}: {initial}.", cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var end = await RoundAsync(cancellationToken).ConfigureAwait(false);
                if (end == RoundEnd.OutOfTime)
                {
                    return await StopAsync(AgentStopReason.TimeLimit, cancellationToken).ConfigureAwait(false);
                }

                if (end == RoundEnd.NothingHelped || !HasUntriedCandidates())
                {
                    return await StopAsync(AgentStopReason.Finished, cancellationToken).ConfigureAwait(false);
                }

                if (_request.Budget.MaxSteps is { } maxSteps && _round >= maxSteps)
                {
                    return await StopAsync(AgentStopReason.StepLimit, cancellationToken).ConfigureAwait(false);
                }

                _round++;
            }
        }
        catch (Exception e) when (e is NightshiftException or IOException or UnauthorizedAccessException)
        {
            // Every change was either kept after its check or restored before this point.
            await NoteAsync($"Stopped: {e.Message}", cancellationToken).ConfigureAwait(false);
            return Finish(AgentStopReason.Error, e.Message);
        }
    }

    /// <summary>
    /// One round: the machine-applicable batch, then each other candidate alone. The measure strictly
    /// improves in every round that does not end the run, so the loop ends even without a step budget.
    /// </summary>
    private async Task<RoundEnd> RoundAsync(CancellationToken cancellationToken)
    {
        var improved = false;
        var machine = Candidates().Where(c => c.IsMachineApplicable).ToList();
        var batchKept = true;
        if (machine.Count > 0)
        {
            if (OutOfTime)
            {
                return RoundEnd.OutOfTime;
            }

            (batchKept, var better) = await ApplyMachineBatchAsync(machine, cancellationToken).ConfigureAwait(false);
            improved |= better;
        }

        // After a kept batch, new machine-applicable suggestions wait for the next round's batch; after a
        // reverted one, its suggestions are tried one at a time like any other.
        foreach (var candidate in Candidates().Where(c => !c.IsMachineApplicable || !batchKept))
        {
            if (!_ledger.IsFresh(candidate) || _rejected.Contains(RejectionKey(candidate)))
            {
                // Proposed before a change to its file was kept: the next round has its fresh version.
                continue;
            }

            if (OutOfTime)
            {
                return RoundEnd.OutOfTime;
            }

            improved |= await TryAsync(candidate, cancellationToken).ConfigureAwait(false);
        }

        return improved ? RoundEnd.Improved : RoundEnd.NothingHelped;
    }

    private IEnumerable<SuggestionCandidate> Candidates() =>
        SuggestionCandidates.From(_ledger.Diagnostics.Where(d => _inScope(d.Diagnostic)), _paths);

    private bool HasUntriedCandidates() =>
        Candidates().Any(c => _ledger.IsFresh(c) && !_rejected.Contains(RejectionKey(c)));

    /// <summary>A rejected change is not tried again on the same content; once one of its files changes, it may be.</summary>
    private string RejectionKey(SuggestionCandidate candidate) => candidate.Key + "@" + _ledger.VersionOf(candidate.Files);

    private bool OutOfTime => _request.Budget.WallTime is { } limit && _elapsed.Elapsed >= limit;

    /// <summary>The worktree files the task's diagnostics are in or would edit, in ordinal order.</summary>
    private List<string> TaskFiles()
    {
        var reported = _request.Task.Diagnostics
            .SelectMany(d => d.Suggestions.SelectMany(s => s.Replacements).Select(r => r.Span.File).Prepend(d.Location?.File));
        return [.. reported
            .Select(_paths.Relative)
            .OfType<string>()
            .Where(file => File.Exists(_paths.Full(file)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    private async Task<AgentResult> StopAsync(AgentStopReason reason, CancellationToken cancellationToken)
    {
        var why = reason switch
        {
            AgentStopReason.TimeLimit => "the time budget ran out",
            AgentStopReason.StepLimit => "the step budget (one step per round) ran out",
            _ => "no candidate left improves the checks",
        };
        await NoteAsync($"Stopped after {_round} round(s): {why}.", cancellationToken).ConfigureAwait(false);
        return Finish(reason);
    }

    private AgentResult Finish(AgentStopReason reason, string? error = null) => new(
        reason,
        _free,
        _round,
        string.Create(
            CultureInfo.InvariantCulture,
            $"Applied {_machineApplied} machine-applicable suggestion(s) and kept {_kept} of {_tried} tried one at a time, in {_round} round(s) and {_ledger.Checks} check(s); the re-checks showed {_errorsRemoved} fewer error(s)."),
        error);

    private Task NoteAsync(string text, CancellationToken cancellationToken) =>
        _request.Transcript.AppendAsync(new TranscriptEntry(_round, "harness", text), cancellationToken);
}
