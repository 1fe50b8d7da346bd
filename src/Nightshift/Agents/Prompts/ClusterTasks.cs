using System.Globalization;
using System.Text;
using Nightshift.Agents.Tools;
using Nightshift.Clustering;

namespace Nightshift.Agents.Prompts;

/// <summary>
/// Turns a cluster into the task the agent gets, with the variables <c>task-cluster.md</c> renders:
/// <c>cluster_key</c>, <c>cluster_count</c>, <c>cluster_files</c>, <c>cluster_file_count</c>,
/// <c>samples</c> (sample diagnostics with the source around them, read from the worktree) and
/// <c>policy</c> (the rules the verdict applies, as the workload words them).
/// </summary>
public static class ClusterTasks
{
    public const string Kind = "cluster";

    private const int MaxFilesListed = 20;

    /// <param name="id">The task's id (journal, transcript file names).</param>
    /// <param name="cluster">The cluster to burn down.</param>
    /// <param name="worktree">The worktree the agent will work in; the excerpts are read from it.</param>
    /// <param name="policy">The policy the verifier will apply, in words (one rule per line reads best).</param>
    /// <param name="samples">How many diagnostics to show with source excerpts.</param>
    public static AgentTask Create(string id, Cluster cluster, string worktree, string policy, int samples = 5)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var files = cluster.Files.Count <= MaxFilesListed
            ? string.Join(", ", cluster.Files)
            : string.Join(", ", cluster.Files.Take(MaxFilesListed)) + $", … and {cluster.Files.Count - MaxFilesListed} more";
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cluster_key"] = cluster.Key.ToString(),
            ["cluster_count"] = cluster.Count.ToString(CultureInfo.InvariantCulture),
            ["cluster_files"] = files.Length == 0 ? "(no file named)" : files,
            ["cluster_file_count"] = cluster.Files.Count.ToString(CultureInfo.InvariantCulture),
            ["samples"] = Samples(cluster, new WorktreePaths(worktree), samples),
            ["policy"] = policy,
        };
        var title = string.Create(CultureInfo.InvariantCulture, $"{cluster.Key} ({cluster.Count}): {cluster.Example.Message}");
        return new AgentTask(id, Kind, title, variables, cluster.Diagnostics);
    }

    private static string Samples(Cluster cluster, WorktreePaths paths, int count)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in cluster.Diagnostics.Take(count))
        {
            text.Append(DiagnosticText.Line(diagnostic)).Append('\n');
            foreach (var child in diagnostic.Children)
            {
                text.Append("    = ").Append(child.ReplaceLineEndings(" ")).Append('\n');
            }

            if (diagnostic.Location is { } span && SourceExcerpt.For(span, paths) is { } excerpt)
            {
                text.Append(excerpt);
            }

            text.Append('\n');
        }

        if (cluster.Count > count)
        {
            text.Append(CultureInfo.InvariantCulture, $"… and {cluster.Count - count} more like these.\n");
        }

        return text.ToString().TrimEnd('\n');
    }
}
