using System.Globalization;
using Nightshift.Agents;
using Nightshift.Agents.Prompts;
using Nightshift.Attempts;
using Nightshift.Attempts.Episodes;
using Nightshift.Clustering;
using Nightshift.Configuration;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.BurnDown;

/// <summary>
/// Burn-down's part of an attempt on a cluster: a worktree at the basis commit, the cluster's task, and a verdict on the
/// probe and tests of the changed worktree against the basis' measurement.
/// </summary>
internal sealed class ClusterAttempt(
    WorkspaceManager workspaces, WorktreeMeasurer measurer, Cluster cluster, Measurement basis, int worker, PolicyConfig policy, ITranscript status)
    : IAttemptWork<Measurement>
{
    // The target cluster's items an agent's check re-probes besides the files it names.
    private const int SampleItems = 5;

    private Workspace? _workspace;

    /// <summary>The attempt's worktree, once prepared.</summary>
    public Workspace Workspace => _workspace ?? throw new InvalidOperationException("The attempt has no worktree before it is prepared.");

    public async Task<AttemptSetup> PrepareAsync(long attemptId, CancellationToken cancellationToken)
    {
        _workspace = await workspaces.CreateAsync(attemptId.ToString(CultureInfo.InvariantCulture), basis.Commit, worker - 1, cancellationToken)
            .ConfigureAwait(false);
        var key = cluster.Key.ToString();
        var task = ClusterTasks.Create($"attempt-{attemptId}", cluster, _workspace.Path, PolicyWords.Describe(policy)) with { Key = key };
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
        var verdict = basis.Judge(cluster.Key, after, change.Patch, policy, agentSaid);
        return new AttemptJudgement<Measurement>(
            verdict, [.. after.Snapshot.Diagnostics.Where(d => ClusterKey.Of(d) == cluster.Key).Select(EpisodeDiagnostic.From)], after);
    }

    public async ValueTask DisposeAsync()
    {
        if (_workspace is not null)
        {
            await _workspace.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
