using System.Globalization;
using System.Text;
using Nightshift.Agents.Tools;
using Nightshift.Clustering;

namespace Nightshift.Agents.Prompts;

/// <summary>
/// Turns a cluster into the task the agent gets, with the variables <c>task-cluster.md</c> renders:
/// <c>cluster_key</c>, <c>cluster_count</c>, <c>cluster_files</c>, <c>cluster_file_count</c>,
/// <c>samples</c> (sample diagnostics with the source around them, read from the worktree),
/// <c>policy</c> (the rules the verdict applies, as the workload words them), and, each empty when there is
/// none, <c>generated</c> (the generated code the diagnostics are in, with the input that produced it),
/// <c>hints</c> (where errors of the kind are usually fixed) and <c>context</c> (the repository's notes for agents).
/// </summary>
public static class ClusterTasks
{
    public const string Kind = "cluster";

    /// <summary>Variables a cluster task may leave out (tasks recorded or built before they existed): they render empty.</summary>
    public static IReadOnlyList<string> OptionalVariables { get; } = ["generated", "hints", "context"];

    private const int MaxFilesListed = 20;

    // Generated code around a diagnostic, and the head of the input that produced it.
    private const int GeneratedContextLines = 6;
    private const int InputLines = 40;

    // The start of each hinted file, and the most of all of them together.
    private const int HintLines = 60;
    private const int MaxHintCharacters = 12_000;

    /// <param name="id">The task's id (journal, transcript file names).</param>
    /// <param name="cluster">The cluster to burn down.</param>
    /// <param name="worktree">The worktree the agent will work in; the excerpts are read from it.</param>
    /// <param name="policy">The policy the verifier will apply, in words (one rule per line reads best).</param>
    /// <param name="samples">How many diagnostics to show with source excerpts.</param>
    /// <param name="context">Generated code, hints and notes to show besides the diagnostics.</param>
    public static AgentTask Create(string id, Cluster cluster, string worktree, string policy, int samples = 5, ClusterTaskContext? context = null)
    {
        context ??= ClusterTaskContext.None;
        ArgumentNullException.ThrowIfNull(cluster);
        // Diagnostics in generated code name scratch files ({work}/p3.rs) that mean nothing to a reader: list the items instead.
        var generated = cluster.Files.Count > 0 && cluster.Items.Count > 0 && cluster.Files.All(Probing.WorkPaths.IsGenerated);
        var named = generated ? cluster.Items : cluster.Files;
        var files = named.Count <= MaxFilesListed
            ? string.Join(", ", named)
            : string.Join(", ", named.Take(MaxFilesListed)) + $", … and {named.Count - MaxFilesListed} more";
        if (generated)
        {
            files += " (the corpus items whose generated code has them)";
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cluster_key"] = cluster.Key.ToString(),
            ["cluster_count"] = cluster.Count.ToString(CultureInfo.InvariantCulture),
            ["cluster_files"] = files.Length == 0 ? "(no file named)" : files,
            ["cluster_file_count"] = named.Count.ToString(CultureInfo.InvariantCulture),
            ["samples"] = Samples(cluster, new WorktreePaths(worktree), samples),
            ["policy"] = policy,
            ["generated"] = Generated(context, worktree, samples),
            ["hints"] = Hints(context.HintFiles, worktree),
            ["context"] = AgentNotes.Render(context.ContextFiles, worktree),
        };
        var title = string.Create(CultureInfo.InvariantCulture, $"{cluster.Key} ({cluster.Count}): {cluster.Example.Message}");
        return new AgentTask(id, Kind, title, variables, cluster.Diagnostics);
    }

    /// <summary>
    /// Each sample diagnostic in generated code, with the generated lines around it and the input item that produced it;
    /// empty when the diagnostics are in the repository's own files.
    /// </summary>
    private static string Generated(ClusterTaskContext context, string worktree, int count)
    {
        if (context.GeneratedFolder is not { } folder || context.GeneratedSamples.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append("These diagnostics are in code the probe generates from corpus items, not in files of the repository: ")
            .Append("fix the generator, never the generated files (every probe writes them anew). ")
            .Append("`{work}/…` is the folder the probe generates an item's output into.\n\n");
        foreach (var diagnostic in context.GeneratedSamples.Where(d => d.Item is not null).Take(count))
        {
            text.Append(DiagnosticText.Line(diagnostic)).Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"    generated from {diagnostic.Item}\n");
            if (diagnostic.Location is { Line: { } line } span && Probing.WorkPaths.IsGenerated(span.File)
                && SourceExcerpt.Of(Probing.WorkPaths.Resolve(span.File, folder, diagnostic.Item!), line, GeneratedContextLines) is { } excerpt)
            {
                text.Append(CultureInfo.InvariantCulture, $"Generated {span.File}:\n").Append(excerpt);
            }

            if (SourceExcerpt.Head(Path.Combine(worktree, diagnostic.Item!), InputLines) is { } input)
            {
                text.Append(CultureInfo.InvariantCulture, $"Input {diagnostic.Item}:\n").Append(input);
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Hints(IReadOnlyList<string> files, string worktree)
    {
        if (files.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Errors of this kind are usually fixed in: {string.Join(", ", files)} (agent.hints).\n");
        foreach (var file in files)
        {
            if (text.Length >= MaxHintCharacters)
            {
                break;
            }

            if (SourceExcerpt.Head(Path.Combine(worktree, file), HintLines) is { } head)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{file}:\n").Append(head);
            }
        }

        return SourceExcerpt.Clip(text.ToString(), MaxHintCharacters);
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
