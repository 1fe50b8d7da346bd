using System.Globalization;
using Nightshift.Git;
using Nightshift.Store;

namespace Nightshift.Landing;

public sealed partial class Lander
{
    // Commits scanned when an intent's parent no longer resolves; far more than one session lands.
    private const int FallbackScanDepth = 10_000;

    /// <summary>
    /// Settles the landings a crash interrupted. An intent whose commit is on the session branch (found by its
    /// Nightshift-Attempt and Nightshift-Session trailers) is recorded, without a second commit; any other intent is
    /// voided and its ticket number goes to the next landing, so numbers are neither skipped nor repeated.
    /// </summary>
    public async Task<LandingRecovery> RecoverAsync(CancellationToken cancellationToken)
    {
        var recorded = new List<LandingResult.Landed>();
        var voided = new List<long>();
        foreach (var intent in await _journal.LandingIntentsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await ResolveAsync(intent, cancellationToken).ConfigureAwait(false) is { } landed)
            {
                recorded.Add(landed);
            }
            else
            {
                voided.Add(intent.AttemptId);
            }
        }

        return new LandingRecovery(recorded, voided);
    }

    private async Task<LandingResult.Landed?> ResolveAsync(LandingIntent intent, CancellationToken cancellationToken)
    {
        var landed = await FindLandedCommitAsync(intent, cancellationToken).ConfigureAwait(false);
        if (landed is null)
        {
            await _journal.VoidLandingAsync(intent.AttemptId, cancellationToken).ConfigureAwait(false);
            Report(new GitEvent.LandingVoided(intent.AttemptId, intent.Ticket));
            return null;
        }

        var message = (await _repository.CommitMessageAsync(landed, cancellationToken).ConfigureAwait(false)).TrimEnd('\n');
        await _journal.CompleteLandingAsync(
            new NewCommit(intent.AttemptId, intent.Ticket, landed, intent.Branch, message), cancellationToken).ConfigureAwait(false);
        Report(new GitEvent.LandingRecovered(intent.AttemptId, intent.Ticket, landed));
        return new LandingResult.Landed(intent.Ticket, landed, intent.Branch, message);
    }

    private async Task<string?> FindLandedCommitAsync(LandingIntent intent, CancellationToken cancellationToken)
    {
        if (await _repository.BranchTipAsync(intent.Branch, cancellationToken).ConfigureAwait(false) is not { } tip)
        {
            return null;
        }

        var parent = await _repository.TryResolveCommitAsync(intent.ParentSha, cancellationToken).ConfigureAwait(false);
        var commits = await _repository.CommitsWithTrailersAsync(
            parent is null ? tip : $"{parent}..{tip}", parent is null ? FallbackScanDepth : null, cancellationToken).ConfigureAwait(false);
        var attempt = intent.AttemptId.ToString(CultureInfo.InvariantCulture);
        var session = intent.SessionId.ToString(CultureInfo.InvariantCulture);
        return commits.FirstOrDefault(c => c[LandingMessage.AttemptTrailer] == attempt && c[LandingMessage.SessionTrailer] == session)?.Sha;
    }

    // Used when a landing fails half-way in this process; the journal keeps the intent if this fails too.
    private async Task TryResolveAsync(LandingIntent intent)
    {
        try
        {
            await ResolveAsync(intent, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NightshiftException or InvalidOperationException)
        {
            // RecoverAsync at the next start settles it.
        }
    }
}
