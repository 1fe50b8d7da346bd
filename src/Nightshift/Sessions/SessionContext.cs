using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Git;
using Nightshift.Landing;
using Nightshift.Probing;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Workspaces;

namespace Nightshift.Sessions;

/// <summary>
/// Everything a workload's session works with, opened once and complete: the journal's session row (new or resumed), the
/// session branch, the landings a crash left settled, stale worktrees cleared, live telemetry, the workspaces and the lander.
/// Resume logic lives here, once, for every workload. The caller holds the session lock and owns the journal.
/// </summary>
public sealed class SessionContext : IAsyncDisposable
{
    private SessionContext(
        NightshiftConfig config, Journal journal, ProcessRunner runner, SessionRow session, SessionBranch branch, GitRepository repository,
        WorkspaceManager workspaces, Lander lander, SessionTelemetry telemetry, SessionRow? previous, SessionOpened started)
    {
        (Config, Journal, Runner, Session, Branch, Repository) = (config, journal, runner, session, branch, repository);
        (Workspaces, Lander, Telemetry, Previous, Started) = (workspaces, lander, telemetry, previous, started);
    }

    public NightshiftConfig Config { get; }

    public Journal Journal { get; }

    public ProcessRunner Runner { get; }

    public SessionRow Session { get; }

    public SessionBranch Branch { get; }

    public GitRepository Repository { get; }

    public WorkspaceManager Workspaces { get; }

    public Lander Lander { get; }

    public SessionTelemetry Telemetry { get; }

    /// <summary>The latest session before this one began, whatever its workload (crash-watch queues its unfinished crashes again).</summary>
    public SessionRow? Previous { get; }

    /// <summary>What opening the session found and did, for its first event: branch, resumed, landings recovered, worktrees pruned.</summary>
    public SessionOpened Started { get; }

    /// <summary>The repository's <c>.nightshift/</c> layout.</summary>
    public NightshiftPaths Paths => Repository.Paths.State;

    /// <summary>Opens the session of <paramref name="workload"/> as <paramref name="resumption"/> says.</summary>
    /// <exception cref="UsageException">Nothing to resume.</exception>
    /// <exception cref="NightshiftException">Uncommitted changes refused, a bad branch template: a new session is abandoned.</exception>
    public static async Task<SessionContext> OpenAsync(
        NightshiftConfig config, Journal journal, ProcessRunner runner, string workload, SessionResumption resumption, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(runner);
        var repository = await GitRepository.OpenAsync(config.RepositoryRoot, options: null, onEvent: null, cancellationToken).ConfigureAwait(false);
        repository.Paths.State.EnsureCreated();
        var workspaces = new WorkspaceManager(repository, WorkspaceOptions.From(config.Workspace));
        var previous = await journal.LatestSessionAsync(cancellationToken).ConfigureAwait(false);
        var unfinished = await journal.UnfinishedSessionAsync(workload, cancellationToken).ConfigureAwait(false);
        if (resumption == SessionResumption.Unfinished && unfinished is null)
        {
            throw new UsageException(
                $"nothing to resume: every {workload} session in {journal.DatabasePath} has ended. Run it without --resume to start a new one.");
        }

        // Landings a crash interrupted are settled first, against the branches as they are: a commit that reached its
        // branch is recorded, any other intent voided with its ticket number.
        var lander = new Lander(repository, journal, workspaces, LandingOptionsOf(config.Landing, branch: null));
        var recovery = await lander.RecoverAsync(cancellationToken).ConfigureAwait(false);

        SessionRow session;
        if (resumption == SessionResumption.Unfinished)
        {
            session = unfinished!;
            await journal.AbandonSessionAttemptsAsync(session.Id, "the session was killed while this attempt was in flight", cancellationToken)
                .ConfigureAwait(false);
        }
        else
        {
            if (unfinished is not null)
            {
                await journal.AbandonSessionAsync(unfinished.Id, "a new session started instead of --resume", cancellationToken).ConfigureAwait(false);
            }

            session = await journal.StartSessionAsync(workload, "-", ConfigHash.Of(config), cancellationToken).ConfigureAwait(false);
        }

        // Every start, a resume too: the report says what the commands ran in, and a resume may have changed it.
        await journal.SetSessionSandboxAsync(session.Id, runner.Sandbox.Name, cancellationToken).ConfigureAwait(false);
        if (config.Agent.ModelInUse is { } model)
        {
            await journal.SetSessionModelAsync(session.Id, model, cancellationToken).ConfigureAwait(false);
            session = session with { Model = model };
        }
        var pruned = await workspaces.PruneStaleAsync([], cancellationToken).ConfigureAwait(false);
        ProbeScratch.RemoveOrphans(); // the {work} folders of a probe that a kill -9 interrupted

        var resumed = resumption == SessionResumption.Unfinished;
        SessionBranch branch;
        try
        {
            branch = await SessionBranches.OpenAsync(
                repository, LandingOptionsOf(config.Landing, resumed ? session.Branch : null), session.Id, resumption != SessionResumption.New,
                config.Workspace.Copy, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (NightshiftException e) when (!resumed)
        {
            // Uncommitted changes refused, a bad branch template: this session never began its work.
            await journal.AbandonSessionAsync(session.Id, e.Message, CancellationToken.None).ConfigureAwait(false);
            await lander.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (session.Branch != branch.Name)
        {
            await journal.SetSessionBranchAsync(session.Id, branch.Name, cancellationToken).ConfigureAwait(false);
            session = session with { Branch = branch.Name };
        }

        var telemetry = SessionTelemetry.Start(repository.Paths.State, journal, session, config.Limits, clock);
        SessionOpened started = new SessionStarted
        {
            Branch = branch.Name,
            Resumed = resumed,
            BaseCommit = branch.BaseCommit,
            LandingsRecovered = recovery.Recorded.Count,
            LandingsVoided = recovery.VoidedAttempts.Count,
            WorktreesPruned = pruned.Count,
        };
        if (resumed)
        {
            started = new SessionResumed(started);
        }

        return new SessionContext(config, journal, runner, session, branch, repository, workspaces, lander, telemetry, previous, started);
    }

    /// <summary>The tip of the session branch now.</summary>
    /// <exception cref="NightshiftException">The branch was deleted under the session.</exception>
    public async Task<string> BranchTipAsync(CancellationToken cancellationToken) =>
        await Repository.BranchTipAsync(Branch.Name, cancellationToken).ConfigureAwait(false)
        ?? throw new NightshiftException($"The session branch {Branch.Name} disappeared from {Config.RepositoryRoot}; start a new session.");

    /// <summary>Waits for background pushes to end.</summary>
    public ValueTask DisposeAsync() => Lander.DisposeAsync();

    /// <summary>How the lander commits, from <c>landing</c>; <paramref name="branch"/> in place of its branch template.</summary>
    public static LandingOptions LandingOptionsOf(LandingConfig landing, string? branch)
    {
        ArgumentNullException.ThrowIfNull(landing);
        return new LandingOptions
        {
            Branch = branch ?? landing.Branch,
            Ticket = landing.Ticket,
            TicketStart = landing.TicketStart,
            PendingWork = landing.Pending == PendingChanges.Include ? PendingWork.Include : PendingWork.Refuse,
            Push = landing.Push,
            Remote = landing.Remote,
        };
    }
}
