using System.Globalization;
using Nightshift.Agents;
using Nightshift.Agents.Prompts;
using Nightshift.Attempts;
using Nightshift.Attempts.Episodes;
using Nightshift.Clustering;
using Nightshift.Configuration;
using Nightshift.Probing;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.BurnDown;

/// <summary>
/// Burn-down's part of an attempt on a cluster: a worktree at the basis commit, the cluster's task, and a verdict on the
/// probe and tests of the changed worktree against the basis' measurement.
/// </summary>
internal sealed class ClusterAttempt(
    WorkspaceManager workspaces, WorktreeMeasurer measurer, Cluster cluster, Measurement basis, int worker, NightshiftConfig config, ITranscript status)
    : IAttemptWork<Measurement>
{
    // The target cluster's items an agent's check re-probes besides the files it names.
    private const int SampleItems = 5;

    // Files of agent.hints named in a task, at most.
    private const int MaxHintFiles = 10;

    private readonly PolicyConfig _policy = config.Policy;
    private Workspace? _workspace;
    private string? _generated;

    /// <summary>The attempt's worktree, once prepared.</summary>
    public Workspace Workspace => _workspace ?? throw new InvalidOperationException("The attempt has no worktree before it is prepared.");

    public async Task<AttemptSetup> PrepareAsync(long attemptId, CancellationToken cancellationToken)
    {
        _workspace = await workspaces.CreateAsync(attemptId.ToString(CultureInfo.InvariantCulture), basis.Commit, worker - 1, cancellationToken)
            .ConfigureAwait(false);
        var key = cluster.Key.ToString();
        var context = await TaskContextAsync(attemptId, cancellationToken).ConfigureAwait(false);
        var task = ClusterTasks.Create($"attempt-{attemptId}", cluster, _workspace.Path, PolicyWords.Describe(_policy), context: context) with { Key = key };
        return new AttemptSetup(
            task,
            _workspace.Path,
            new WorktreeChecks(measurer, _workspace, [.. cluster.Items.Take(SampleItems)]),
            EpisodeSources.Read(_workspace.Path, cluster.Files),
            [.. cluster.Diagnostics.Select(EpisodeDiagnostic.From)],
            status);
    }

    public async Task<AttemptChange> CaptureAsync(CancellationToken cancellationToken)
    {
        var change = await Workspace.CaptureAsync(cancellationToken).ConfigureAwait(false);
        return new AttemptChange(change.Patch, change.ChangedPaths);
    }

    public async Task<AttemptJudgement<Measurement>> JudgeAsync(AttemptChange change, string? agentSaid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var after = change.IsEmpty ? basis : await measurer.ChangeAsync(Workspace, basis.Commit, cancellationToken).ConfigureAwait(false);
        var verdict = basis.Judge(cluster.Key, after, change.Patch, _policy, agentSaid);
        return new AttemptJudgement<Measurement>(
            verdict, [.. after.Snapshot.Diagnostics.Where(d => ClusterKey.Of(d) == cluster.Key).Select(EpisodeDiagnostic.From)], after)
        {
            Measuring = change.IsEmpty ? TimeSpan.Zero : after.Elapsed, // an empty change is judged on the basis, not measured
        };
    }

    /// <summary>
    /// The hinted files and notes the worktree has and, when the cluster's diagnostics are in generated code, the sample
    /// items probed again (built first) with their outputs kept, so the task can show the code and the input behind each.
    /// </summary>
    private async Task<ClusterTaskContext> TaskContextAsync(long attemptId, CancellationToken cancellationToken)
    {
        var globs = config.Agent.Hints.Where(h => h.Key == cluster.Code || h.Key == cluster.Key.ToString()).SelectMany(h => h.Value).ToList();
        var context = new ClusterTaskContext
        {
            HintFiles = globs.Count == 0 ? [] : [.. CorpusItems.Find(Workspace.Path, globs).Take(MaxHintFiles)],
            ContextFiles = AgentNotes.Present(config.Agent.Context, Workspace.Path),
        };
        var items = cluster.Diagnostics
            .Where(d => d.Item is not null && d.Location is { } location && WorkPaths.IsGenerated(location.File))
            .Select(d => d.Item!).Distinct(StringComparer.Ordinal).Take(SampleItems).ToList();
        if (items.Count == 0 || await measurer.BuildAsync(Workspace, cancellationToken).ConfigureAwait(false) is { Passed: false })
        {
            return context;
        }

        _generated = workspaces.Paths.GeneratedFor(attemptId.ToString(CultureInfo.InvariantCulture));
        var options = WorktreeMeasurer.ProbeOptionsFor(Workspace) with { Items = items, UseCache = false, KeepOutputsIn = _generated };
        var probed = await measurer.Probe.RunAsync(Workspace.Path, options, null, cancellationToken).ConfigureAwait(false);
        return context with
        {
            GeneratedFolder = _generated,
            GeneratedSamples = [.. probed.Diagnostics.Where(d => ClusterKey.Of(d) == cluster.Key)],
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_generated is not null)
        {
            ProbeScratch.TryDelete(_generated);
        }

        if (_workspace is not null)
        {
            await _workspace.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
