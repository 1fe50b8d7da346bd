using System.Collections.Concurrent;
using Nightshift.Files;
using Nightshift.Git;
using Nightshift.Landing;
using Nightshift.Store;
using Nightshift.Tests.Support;
using Nightshift.Workspaces;

namespace Nightshift.Tests.Landing;

/// <summary>
/// A real repository with a journal, a session, its session branch, workspaces and a lander: what a session has
/// once it starts. Attempts are journaled up to "verified", as the verifier would leave them.
/// </summary>
internal sealed class LandingSetup : IAsyncDisposable
{
    private readonly bool _ownsRepo;
    private int _tasks;

    private LandingSetup(GitRepo repo, bool ownsRepo, GitRepository git, Journal journal, LandingOptions options, WorkspaceOptions workspaceOptions)
    {
        Repo = repo;
        _ownsRepo = ownsRepo;
        Git = git;
        Journal = journal;
        Options = options;
        Workspaces = new WorkspaceManager(git, workspaceOptions);
        Lander = new Lander(git, journal, Workspaces, options);
    }

    public GitRepo Repo { get; }

    public GitRepository Git { get; }

    public Journal Journal { get; }

    public LandingOptions Options { get; }

    public WorkspaceManager Workspaces { get; }

    public Lander Lander { get; }

    public ConcurrentQueue<GitEvent> Events { get; } = new();

    /// <summary>Called synchronously with every event, after it is queued in <see cref="Events"/>.</summary>
    public Action<GitEvent>? OnEvent { get; set; }

    public long SessionId { get; private set; }

    public SessionBranch Branch { get; private set; } = null!;

    /// <summary>Opens a session (a new journal session on the repository's journal) with its session branch.</summary>
    public static async Task<LandingSetup> StartAsync(
        GitRepo? repo = null,
        LandingOptions? options = null,
        WorkspaceOptions? workspaceOptions = null,
        GitOptions? gitOptions = null,
        bool resume = false)
    {
        var ownsRepo = repo is null;
        repo ??= await GitRepo.InitAsync("landing");
        options ??= new LandingOptions();
        LandingSetup? setup = null;
        var git = await GitRepository.OpenAsync(repo.Path, gitOptions, e =>
        {
            setup!.Events.Enqueue(e);
            setup.OnEvent?.Invoke(e);
        });
        var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        workspaceOptions ??= new WorkspaceOptions();
        setup = new LandingSetup(repo, ownsRepo, git, journal, options, workspaceOptions);
        var session = await journal.StartSessionAsync("burn-down", "pending", "hash", CancellationToken.None);
        setup.SessionId = session.Id;
        setup.Branch = await SessionBranches.OpenAsync(
            git, options, session.Id, resume, workspaceOptions.CopyFiles, TimeProvider.System, CancellationToken.None);
        return setup;
    }

    /// <summary>Journals a task and an attempt on it, finished and accepted by the verifier.</summary>
    public async Task<long> VerifiedAttemptAsync()
    {
        var ct = CancellationToken.None;
        var task = await Journal.EnsureTaskAsync(SessionId, new NewTask("cluster", $"E{Interlocked.Increment(ref _tasks)}", "title"), ct);
        var attempt = await Journal.BeginAttemptAsync(SessionId, task.Id, "suggest", ct);
        await Journal.FinishAttemptAsync(attempt.Id, new AttemptResult("done", 0, 0, 0m, null, null), ct);
        await Journal.RecordVerdictAsync(attempt.Id, accepted: true, "{}", ct);
        return attempt.Id;
    }

    /// <summary>A workspace at the session branch tip in which <paramref name="files"/> were written (as an agent would).</summary>
    public async Task<Workspace> WorkspaceAsync(string id, params (string Path, string Content)[] files)
    {
        var tip = (await Git.BranchTipAsync(Branch.Name, CancellationToken.None))!;
        var workspace = await Workspaces.CreateAsync(id, tip, worker: 0, CancellationToken.None);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(workspace.Path, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }

        return workspace;
    }

    /// <summary>Lands <paramref name="workspace"/> as the agent that said <paramref name="summary"/> (null: said nothing of its own).</summary>
    public Task<LandingResult> LandAsync(
        long attemptId, Workspace workspace, string? summary = "fix the answer", string verified = "E0308 12 -> 7; tests 140/140", string outcome = "fix E0308 (12 -> 7)") =>
        Lander.LandAsync(new LandingRequest(SessionId, attemptId, Branch.Name, workspace, summary, outcome, verified), CancellationToken.None);

    /// <summary>Subjects of the session branch's commits after the user's HEAD, oldest first.</summary>
    public async Task<IReadOnlyList<string>> BranchSubjectsAsync() =>
        (await Repo.GitAsync("log", "--reverse", "--format=%s", $"{Branch.BaseCommit}..refs/heads/{Branch.Name}"))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public async ValueTask DisposeAsync()
    {
        await Lander.DisposeAsync();
        await Journal.DisposeAsync();
        if (_ownsRepo)
        {
            Repo.Dispose();
        }
    }
}
