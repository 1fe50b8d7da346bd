using Nightshift.Clustering;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Git;
using Nightshift.Probing;
using Nightshift.Store;
using Nightshift.Workspaces;

namespace Nightshift.Attempts;

/// <summary>
/// Runs the verdict on a patch by hand (<c>nightshift verify --patch</c>): the same probe, tests and policy a
/// night applies, on two worktrees of HEAD — one as it is, one with the patch — so the user's checkout is
/// never touched and a person can see exactly what the verifier would say.
/// </summary>
public sealed class PatchVerifier(NightshiftConfig config, Journal journal, ProcessRunner runner)
{
    /// <param name="patchFile">A unified diff (as <c>git diff</c> writes it) relative to the repository root.</param>
    /// <param name="target">The cluster the patch means to shrink: a full key (<c>rustc:error:E0308</c>) or a code
    /// (<c>E0308</c>); null picks the cluster the patch shrank most, else the largest.</param>
    /// <param name="progress">Told which stage is running, for a person watching.</param>
    /// <param name="cancellationToken">Stops probes and tests; the worktrees are removed either way.</param>
    public async Task<PatchVerification> VerifyAsync(
        string patchFile, string? target, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(patchFile))
        {
            throw new UsageException($"no patch at {patchFile}: give the path of a unified diff, e.g. from 'git diff > fix.patch'.");
        }

        var repository = await GitRepository.OpenAsync(config.RepositoryRoot, options: null, onEvent: null, cancellationToken)
            .ConfigureAwait(false);
        var workspaces = new WorkspaceManager(repository, WorkspaceOptions.From(config.Workspace));
        var head = await repository.HeadAsync(cancellationToken).ConfigureAwait(false);
        var measurer = new WorktreeMeasurer(ProbeFactory.Create(config.RequireProbe("nightshift verify"), new ProbeCache(journal), runner), config.Tests, config.Build, runner);
        var run = Guid.NewGuid().ToString("N")[..8];

        await using var before = await workspaces.CreateAsync($"verify-{run}-head", head, worker: 0, cancellationToken).ConfigureAwait(false);
        progress?.Report("probing HEAD");
        var baseline = await measurer.BaselineAsync(before, head, cancellationToken).ConfigureAwait(false);

        await using var after = await workspaces.CreateAsync($"verify-{run}-patch", head, worker: 1, cancellationToken).ConfigureAwait(false);
        var applyError = await repository.ApplyInWorktreeAsync(after.Path, Path.GetFullPath(patchFile), cancellationToken).ConfigureAwait(false);
        if (applyError is not null)
        {
            throw new NightshiftException($"the patch {patchFile} does not apply to HEAD ({head[..12]}): {applyError}");
        }

        var change = await after.CaptureAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report("probing HEAD + patch");
        var measured = await measurer.ChangeAsync(after, head, cancellationToken).ConfigureAwait(false);

        var key = PickTarget(target, baseline.Snapshot, measured.Snapshot);
        var verdict = baseline.Judge(key, measured, change.Patch, config.Policy);
        return new PatchVerification(head, key, verdict);
    }

    /// <summary>The cluster a patch is judged against; an unknown name is a usage error, not a rejection.</summary>
    internal static ClusterKey PickTarget(string? requested, Snapshot before, Snapshot after)
    {
        if (requested is { Length: > 0 })
        {
            return before.Clusters.FirstOrDefault(c => c.Key.ToString() == requested || c.Code == requested)?.Key
                ?? throw new UsageException(
                    $"no cluster '{requested}' at HEAD. Clusters there: {string.Join(", ", before.Clusters.Take(10).Select(c => c.Key))}");
        }

        if (before.Clusters.Count == 0)
        {
            throw new UsageException("HEAD has no diagnostics, so there is no cluster a patch could shrink.");
        }

        var shrunk = before.Clusters
            .Select(c => (c.Key, Shrink: c.Count - after.CountOf(c.Key)))
            .Where(c => c.Shrink > 0)
            .OrderByDescending(c => c.Shrink)
            .Select(c => c.Key)
            .FirstOrDefault();
        return shrunk ?? before.Clusters[0].Key;
    }
}
