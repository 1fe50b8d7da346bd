using Nightshift.Attempts;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Git;
using Nightshift.Probing;
using Nightshift.Store;
using Nightshift.Workspaces;

namespace Nightshift.Landing.Reviews;

/// <summary>
/// <c>nightshift review</c>: a review branch from a night's base holding only the fixes a person keeps, in their order.
/// Each kept fix's own change (its commit against its parent) is applied to the review branch's tip; while no earlier fix
/// was dropped, the tip is the night's own history and the fix stands as verified. Once one was dropped, a later fix may
/// have depended on it, so it is verified again as the night verified it (the same probe, tests and policy, on worktrees of
/// the tip without and with it): a fix that no longer applies or no longer verifies is reported and left out. The review
/// branch is created new and never moved; the user's checkout and the session branch are not touched.
/// </summary>
public sealed class ReviewBuilder(NightshiftConfig config, Journal journal, ProcessRunner runner)
{
    /// <param name="sessionId">The night whose fixes are reviewed.</param>
    /// <param name="keep">Whether a ticket is kept.</param>
    /// <param name="branch">The review branch to create; it must not exist.</param>
    /// <param name="progress">Told what is being done, for a person watching.</param>
    /// <param name="cancellationToken">Stops the measurements; nothing is created then.</param>
    /// <exception cref="UsageException">The session has no fixes, or the branch exists.</exception>
    public async Task<ReviewResult> BuildAsync(
        long sessionId, Func<string, bool> keep, string branch, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var commits = await journal.SessionCommitsAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (commits.Count == 0)
        {
            throw new UsageException($"session {sessionId} landed no fix: there is nothing to review.");
        }

        var repository = await GitRepository.OpenAsync(config.RepositoryRoot, options: null, onEvent: null, cancellationToken).ConfigureAwait(false);
        if (await repository.BranchTipAsync(branch, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new UsageException($"the branch {branch} exists already; a review never moves a branch. Name another with --into.");
        }

        var tasks = (await journal.SessionTasksAsync(sessionId, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Id, t => t.Key);
        var attempts = (await journal.SessionAttemptsAsync(sessionId, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id, a => a.TaskId);
        var first = commits[0].Sha;
        var tip = await repository.TryResolveCommitAsync(first + "^", cancellationToken).ConfigureAwait(false)
            ?? throw new NightshiftException($"the first fix of session {sessionId} ({first[..12]}) has no parent in this repository.");
        var baseCommit = tip;
        var decisions = new List<ReviewDecision>();
        var dropped = false;
        using var scratch = new ReviewScratch(NightshiftPaths.For(config.RepositoryRoot).Scratch);
        foreach (var commit in commits)
        {
            var target = attempts.TryGetValue(commit.AttemptId, out var taskId) ? tasks.GetValueOrDefault(taskId) : null;
            if (!keep(commit.Ticket))
            {
                decisions.Add(new ReviewDecision(commit.Ticket, commit.Sha, ReviewOutcome.Dropped, "dropped by the reviewer", null));
                dropped = true;
                continue;
            }

            var patch = scratch.PatchFor(commit.Ticket);
            await repository.WriteDiffAsync(commit.Sha + "^", commit.Sha, patch, cancellationToken).ConfigureAwait(false);
            if (await repository.TryApplyToCommitAsync(tip, patch, reverse: false, cancellationToken).ConfigureAwait(false) is not { } tree)
            {
                decisions.Add(new ReviewDecision(commit.Ticket, commit.Sha, ReviewOutcome.NoLongerApplies, "its change does not apply without the fixes dropped before it", null));
                dropped = true;
                continue;
            }

            var message = await repository.CommitMessageAsync(commit.Sha, cancellationToken).ConfigureAwait(false);
            var candidate = await repository.CommitTreeAsync(tree, tip, message, cancellationToken).ConfigureAwait(false);
            if (dropped)
            {
                progress?.Report($"verifying {commit.Ticket} again without the fixes dropped before it");
                if (await VerifyAgainAsync(repository, tip, candidate, target, patch, cancellationToken).ConfigureAwait(false) is { } rejection)
                {
                    decisions.Add(new ReviewDecision(commit.Ticket, commit.Sha, ReviewOutcome.NoLongerVerifies, rejection, null));
                    dropped = true;
                    continue;
                }
            }

            tip = candidate;
            decisions.Add(new ReviewDecision(commit.Ticket, commit.Sha, ReviewOutcome.Kept, dropped ? "verified again" : "as the night verified it", candidate));
        }

        await repository.CreateBranchAsync(branch, tip, cancellationToken).ConfigureAwait(false);
        return new ReviewResult(sessionId, branch, baseCommit, tip, decisions);
    }

    /// <summary>Null when the fix still verifies on <paramref name="parent"/>; otherwise why not, as the verdict says it.</summary>
    private async Task<string?> VerifyAgainAsync(
        GitRepository repository, string parent, string candidate, string? target, string patchFile, CancellationToken cancellationToken)
    {
        var workspaces = new WorkspaceManager(repository, WorkspaceOptions.From(config.Workspace));
        var measurer = new WorktreeMeasurer(ProbeFactory.Create(config.RequireProbe("nightshift review"), new ProbeCache(journal), runner), config.Tests, config.Build, runner);
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var before = await workspaces.CreateAsync($"review-{run}-base", parent, worker: 0, cancellationToken).ConfigureAwait(false);
        var baseline = await measurer.BaselineAsync(before, parent, cancellationToken).ConfigureAwait(false);
        await using var after = await workspaces.CreateAsync($"review-{run}-fix", candidate, worker: 1, cancellationToken).ConfigureAwait(false);
        var measured = await measurer.ChangeAsync(after, parent, cancellationToken).ConfigureAwait(false);
        if (target is null || !baseline.Snapshot.Clusters.Any(c => c.Key.ToString() == target))
        {
            return $"its cluster {target ?? "(unknown)"} is not at the review branch's tip";
        }

        var key = PatchVerifier.PickTarget(target, baseline.Snapshot, measured.Snapshot);
        var verdict = baseline.Judge(key, measured, await File.ReadAllTextAsync(patchFile, cancellationToken).ConfigureAwait(false), config.Policy);
        return verdict.IsAccepted ? null : string.Join("; ", verdict.Reasons.Select(r => r.Message));
    }

    /// <summary>The fixes' patch files, in a folder of the git layer's scratch space (where git may write), removed at the end.</summary>
    private sealed class ReviewScratch(string scratch) : IDisposable
    {
        private readonly string _folder = Directory.CreateDirectory(Path.Combine(scratch, $"review-{Guid.NewGuid():N}")).FullName;

        public string PatchFor(string ticket) => Path.Combine(_folder, $"{ticket}.patch");

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
