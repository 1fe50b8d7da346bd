using System.Globalization;
using System.Text.RegularExpressions;
using Nightshift.Git;
using Nightshift.Store;
using Nightshift.Workspaces;

namespace Nightshift.Landing;

/// <summary>
/// Turns an accepted attempt into one ticketed commit on the session branch, without touching any checkout: the commit is
/// built from the worktree's tree with the branch tip as parent (commit-tree), and the branch advances by compare-and-swap
/// (update-ref with the expected old value). When the branch moved meanwhile, the patch is replayed on the new tip in a
/// fresh worktree and handed back for re-verification.
/// </summary>
/// <remarks>
/// Crash safety: the journal holds the landing intent (attempt, ticket, parent) before the commit exists, and the commit row
/// replaces it after the branch moved. <see cref="RecoverAsync"/> resolves what a crash left between the two. Run it at start,
/// before anything abandons the attempts that were in flight.
/// </remarks>
public sealed partial class Lander : IAsyncDisposable
{
    // Commits of the branch searched for tickets: years of a busy project's history.
    private const int TicketScanDepth = 10_000;

    private readonly GitRepository _repository;
    private readonly Journal _journal;
    private readonly WorkspaceManager _workspaces;
    private readonly LandingOptions _options;
    private readonly BranchPusher _pusher;

    public Lander(GitRepository repository, Journal journal, WorkspaceManager workspaces, LandingOptions? options = null)
    {
        _repository = repository;
        _journal = journal;
        _workspaces = workspaces;
        _options = options ?? new LandingOptions();
        _pusher = new BranchPusher(repository, _options);
    }

    /// <summary>
    /// Lands the change in <see cref="LandingRequest.Workspace"/>: <see cref="LandingResult.Landed"/> with the commit, or
    /// <see cref="LandingResult.NeedsReverification"/> / <see cref="LandingResult.Conflicted"/> when the branch moved, or
    /// <see cref="LandingResult.NothingToLand"/>. With <see cref="LandingOptions.Push"/>, a push starts in the background.
    /// </summary>
    /// <exception cref="GitException">git failed; whatever reached the branch is recorded, the rest voided.</exception>
    public async Task<LandingResult> LandAsync(LandingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var change = await request.Workspace.CaptureAsync(cancellationToken).ConfigureAwait(false);
        if (change.IsEmpty)
        {
            return new LandingResult.NothingToLand();
        }

        var tip = await BranchTipAsync(request.Branch, cancellationToken).ConfigureAwait(false);
        if (tip != change.BaseCommit)
        {
            return await RebaseAsync(request, change, tip, cancellationToken).ConfigureAwait(false);
        }

        var atLeast = await LowestTicketAsync(tip, cancellationToken).ConfigureAwait(false);
        var intent = await _journal.BeginLandingAsync(
            _options.TicketCounter,
            atLeast,
            number => new LandingIntent(
                request.AttemptId, request.SessionId, _options.TicketCounter, number,
                LandingTemplates.RenderTicket(_options.Ticket, number), request.Branch, tip),
            cancellationToken).ConfigureAwait(false);
        Report(new GitEvent.LandingIntentWritten(request.AttemptId, intent.Ticket, tip));

        var message = LandingMessage.Compose(intent.Ticket, request, change.ChangedPaths);
        string sha;
        bool advanced;
        try
        {
            sha = await _repository.CommitTreeAsync(change.Tree, tip, message + "\n", cancellationToken).ConfigureAwait(false);
            Report(new GitEvent.LandingCommitCreated(request.AttemptId, intent.Ticket, sha));
            advanced = await _repository.TryAdvanceBranchAsync(request.Branch, sha, tip, cancellationToken).ConfigureAwait(false);
            if (!advanced)
            {
                await _journal.VoidLandingAsync(request.AttemptId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is NightshiftException or OperationCanceledException)
        {
            // The ref may or may not have moved before the failure: settle the intent against the branch now, so the
            // attempt and its ticket number are not stuck until the next start. If even that fails, the next start does it.
            await TryResolveAsync(intent).ConfigureAwait(false);
            throw;
        }

        if (!advanced)
        {
            // Another worker landed first: nothing of ours is on the branch and the ticket number went back.
            var moved = await BranchTipAsync(request.Branch, cancellationToken).ConfigureAwait(false);
            return await RebaseAsync(request, change, moved, cancellationToken).ConfigureAwait(false);
        }

        Report(new GitEvent.BranchAdvanced(request.Branch, tip, sha));
        await _journal.CompleteLandingAsync(
            new NewCommit(request.AttemptId, intent.Ticket, sha, request.Branch, message), cancellationToken).ConfigureAwait(false);
        if (_options.Push)
        {
            _pusher.Schedule(request.Branch);
        }

        return new LandingResult.Landed(intent.Ticket, sha, request.Branch, message);
    }

    /// <summary>Waits for the background pushes to end and returns how the last one went (null when none ran).</summary>
    public Task<PushOutcome?> CompletePushesAsync() => _pusher.WhenIdleAsync();

    public async ValueTask DisposeAsync() => await _pusher.WhenIdleAsync().ConfigureAwait(false);

    private async Task<LandingResult> RebaseAsync(LandingRequest request, CapturedChange change, string tip, CancellationToken cancellationToken)
    {
        var workspace = await _workspaces.CreateAsync(
            NextRebaseId(request.Workspace.AttemptId), tip, request.Workspace.Worker, cancellationToken).ConfigureAwait(false);
        string? problem;
        try
        {
            problem = await workspace.ApplyAsync(change.BaseCommit, change.Tree, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await workspace.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        Report(new GitEvent.LandingRebased(request.AttemptId, change.BaseCommit, tip, Conflicted: problem is not null));
        if (problem is null)
        {
            return new LandingResult.NeedsReverification(workspace, change.BaseCommit);
        }

        await workspace.RemoveAsync(cancellationToken).ConfigureAwait(false);
        return new LandingResult.Conflicted(tip, problem);
    }

    // The sequence continues the tickets already on the branch (its history holds the user's too: it starts at their
    // HEAD), so a project at DEPYLER-0627 gets DEPYLER-0628 (#16). Read at each landing: a few thousand subjects cost
    // milliseconds, and a number found here is never below what this session landed, so resume repeats none.
    private async Task<long> LowestTicketAsync(string tip, CancellationToken cancellationToken)
    {
        var subjects = await _repository.CommitSubjectsAsync(tip, TicketScanDepth, cancellationToken).ConfigureAwait(false);
        return LandingTemplates.HighestTicket(_options.Ticket, subjects) is { } highest
            ? Math.Max(_options.TicketStart, highest + 1)
            : _options.TicketStart;
    }

    private async Task<string> BranchTipAsync(string branch, CancellationToken cancellationToken) =>
        await _repository.BranchTipAsync(branch, cancellationToken).ConfigureAwait(false)
        ?? throw new NightshiftException(
            $"The session branch {branch} no longer exists in {_repository.RepositoryRoot}: was it deleted? Start a new session.");

    // 17 → 17-r1 → 17-r2: each replay gets a fresh worktree next to the ones the caller still holds.
    private string NextRebaseId(string attemptId)
    {
        var match = RebaseSuffix().Match(attemptId);
        var stem = match.Success ? attemptId[..match.Index] : attemptId;
        var n = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        string id;
        do
        {
            id = $"{stem}-r{(++n).ToString(CultureInfo.InvariantCulture)}";
        }
        while (Directory.Exists(Path.Combine(_workspaces.Root, id)));

        return id;
    }

    private void Report(GitEvent e) => _repository.OnEvent?.Invoke(e);

    [GeneratedRegex(@"-r(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RebaseSuffix();
}
