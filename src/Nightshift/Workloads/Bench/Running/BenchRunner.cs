using Nightshift.Agents;
using Nightshift.Attempts;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Workloads.Bench.Agents;
using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// Runs a bench: every task of a suite with every agent, repeated, each run in isolation, with results written
/// as they come (a killed bench resumes where it was). See <see cref="BenchSession"/> for the loop itself.
/// </summary>
public sealed class BenchRunner(
    BenchRunOptions options,
    IBenchAgentFactory agentFactory,
    IPauseGate? gate = null,
    ProcessRunner? processRunner = null,
    TimeProvider? time = null)
{
    private readonly ProcessRunner _runner = processRunner ?? new ProcessRunner();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The gate built-in agents signal when their endpoint is down.</summary>
    public IPauseGate Gate { get; } = gate ?? new PauseGate();

    /// <summary>
    /// Runs (or resumes) the bench of <paramref name="suite"/>. Returns when every run is done, a guard has
    /// stopped the bench, or <paramref name="cancellationToken"/> interrupted it; the outcome says which.
    /// </summary>
    /// <exception cref="ConfigException">The agents, the plan or the resume do not fit the suite; nothing ran.</exception>
    /// <exception cref="BenchNotFoundException">The bench to resume does not exist.</exception>
    public async Task<BenchOutcome> RunAsync(BenchSuite suite, Action<BenchEvent>? onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var store = new BenchStore(options.StoreDirectory);
        var previous = options.ResumeId is { } resumeId ? ReadResumable(store, resumeId, suite) : null;
        var repeat = previous?.Options.Repeat ?? options.Repeat;
        var filter = previous?.Options.AgentFilter ?? options.AgentFilter;
        var agents = SelectAgents(suite, filter).Select(spec => agentFactory.Create(spec, suite)).ToArray();
        var plan = BenchPlan.Create(suite, agents, repeat);
        await CheckSourcesAsync(suite, cancellationToken).ConfigureAwait(false);

        var id = previous?.Id ?? BenchStore.NewId(_time.GetUtcNow());
        var manifest = previous is not null ? previous with { Status = BenchState.Running, StopReason = null } : new BenchManifest
        {
            Id = id,
            Suite = new SuiteInfo(suite.FilePath, suite.Name, suite.Sha256),
            Options = new BenchPlanOptions(repeat, filter),
            StartedAt = _time.GetUtcNow(),
        };
        var done = previous is null
            ? []
            : store.ReadRuns(id).Values.Where(r => r.Counts && plan.Any(p => p.Runs.Any(run => run.Id == r.Run))).ToDictionary(r => r.Run, StringComparer.Ordinal);

        // Every run is an attempt of the bench's session in the repository's journal, with its verdict and episode; the
        // journal has one writer at a time, so the bench holds the repository's lock as a night does.
        var paths = options.Paths;
        paths.EnsureCreated();
        using var sessionLock = SessionLock.Acquire(paths, "bench");
        await using var journal = Journal.Open(paths.Journal, _time);
        while (await journal.UnfinishedSessionAsync(WorkloadNames.Bench, cancellationToken).ConfigureAwait(false) is { } unfinished)
        {
            // A bench killed before it could end its session: its runs in flight are not recorded, so neither are their attempts.
            await journal.AbandonSessionAsync(unfinished.Id, "interrupted", cancellationToken).ConfigureAwait(false);
        }

        var journaled = await journal.StartSessionAsync(WorkloadNames.Bench, "-", suite.Sha256[..16], cancellationToken).ConfigureAwait(false);
        await journal.SetSessionSandboxAsync(journaled.Id, _runner.Sandbox.Name, cancellationToken).ConfigureAwait(false);
        var attempts = new AttemptRunner(journal, WorkloadNames.Bench, paths: null, model: null);
        var session = new BenchSession(suite, plan, manifest, done, store, options, Gate, _runner, attempts, journaled.Id, _time, onEvent);
        BenchOutcome? outcome = null;
        try
        {
            outcome = await session.RunAsync(cancellationToken).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            var state = outcome?.Manifest.Status switch
            {
                BenchState.Completed => "done",
                BenchState.Stopped => outcome.Manifest.StopReason ?? "stopped",
                _ => "interrupted",
            };
            await journal.EndSessionAsync(journaled.Id, state, CancellationToken.None).ConfigureAwait(false);
            foreach (var agent in agents)
            {
                await agent.Agent.ReleaseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The bench to resume; it keeps the plan it started with, so --repeat and --agent may only repeat it.</summary>
    private BenchManifest ReadResumable(BenchStore store, string id, BenchSuite suite)
    {
        var manifest = store.ReadManifest(store.Resolve(id));
        if (manifest.Suite.Sha256 != suite.Sha256)
        {
            throw new ConfigException(
                $"{suite.FilePath} has changed since bench {manifest.Id} started (it ran {manifest.Suite.Path}); its runs would not be comparable. " +
                "Start a new bench instead of resuming.");
        }

        if (options.Repeat is { } repeat && repeat != manifest.Options.Repeat)
        {
            throw new ConfigException($"bench {manifest.Id} started with {(manifest.Options.Repeat is { } r ? $"--repeat {r}" : "the suite's repeats")}; resume it without --repeat {repeat}.");
        }

        if (options.AgentFilter.Count > 0 && !options.AgentFilter.SequenceEqual(manifest.Options.AgentFilter))
        {
            throw new ConfigException($"bench {manifest.Id} started with {(manifest.Options.AgentFilter.Count > 0 ? "--agent " + string.Join(" --agent ", manifest.Options.AgentFilter) : "the suite's agents")}; resume it without --agent.");
        }

        return manifest;
    }

    private static IReadOnlyList<BenchAgentSpec> SelectAgents(BenchSuite suite, IReadOnlyList<string> filter)
    {
        var specs = filter.Count == 0 ? suite.Agents : filter.Select(name => Find(suite, name)).ToArray();
        return specs.Count > 0 ? specs : throw new ConfigException(
            $"{suite.FilePath} names no agents: add 'agents: [reference, none]' (or any of {string.Join(", ", BenchAgentSpec.Providers)}) " +
            "to the suite, or choose one with --agent NAME.");
    }

    private static BenchAgentSpec Find(BenchSuite suite, string name) =>
        suite.Agents.FirstOrDefault(a => a.Name == name)
        ?? (BenchAgentSpec.Providers.Contains(name) ? new BenchAgentSpec(name, name) : throw new ConfigException(
            $"--agent {name}: {suite.FilePath} has no agent of that name. " +
            $"Accepted: {string.Join(", ", suite.Agents.Select(a => a.Name).Union(BenchAgentSpec.Providers))}."));

    /// <summary>A git workspace whose ref does not resolve is a mistake in the suite, not an infrastructure error to retry.</summary>
    private async Task CheckSourcesAsync(BenchSuite suite, CancellationToken cancellationToken)
    {
        var git = new BenchGit(_runner);
        foreach (var (task, source) in suite.Tasks.Select(t => (t, t.Workspace as BenchWorkspaceSource.GitTree)).Where(p => p.Item2 is not null))
        {
            try
            {
                await git.RunAsync(source!.Repository, ["rev-parse", "--verify", "--quiet", $"{source.Ref}^{{tree}}"], cancellationToken).ConfigureAwait(false);
            }
            catch (BenchInfrastructureException)
            {
                throw new ConfigException($"{suite.FilePath}: task '{task.Id}': '{source!.Ref}' names no commit in the git repository {source.Repository}.");
            }
        }
    }
}

/// <summary>How a bench ended: its id, its directory and its final manifest.</summary>
public sealed record BenchOutcome(string Id, string Directory, BenchManifest Manifest);
