using System.Text.RegularExpressions;
using Nightshift.Attempts.Episodes;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>
/// Keeps the frozen eval set out of training data. An episode is eval material when it comes from an eval
/// run, when its task is an eval koan, or when its text carries an eval koan's id or its broken source
/// (whitespace aside), which is also how replay lines, whose origin is unknown, are caught.
/// </summary>
public sealed partial class EvalGuard
{
    /// <summary>The workload name of eval runs; their episodes never become training data.</summary>
    public const string EvalWorkload = "eval";

    private readonly KoanSet _koans;
    private readonly List<string> _ids;
    private readonly List<string> _sources;

    public EvalGuard(KoanSet koans)
    {
        ArgumentNullException.ThrowIfNull(koans);
        _koans = koans;
        _ids = [.. koans.Eval.Select(k => k.Id)];
        _sources = [.. koans.Eval.Select(k => Collapse(File.ReadAllText(k.SourcePath)))];
    }

    /// <summary>The fingerprint of the eval set this guard keeps out.</summary>
    public string EvalSetHash => _koans.EvalSetHash;

    public bool IsEval(Episode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return episode.Workload == EvalWorkload
            || (episode.Task.Kind == "koan" && _koans.IsEval(episode.Task.Key))
            || Mentions(ExamplePrompt.User(episode.Task, episode.DiagnosticsBefore));
    }

    /// <summary>True when <paramref name="text"/> names an eval koan or contains one's broken source.</summary>
    public bool Mentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_ids.Any(id => text.Contains(id, StringComparison.Ordinal)))
        {
            return true;
        }

        var collapsed = Collapse(text);
        return _sources.Any(source => collapsed.Contains(source, StringComparison.Ordinal));
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
