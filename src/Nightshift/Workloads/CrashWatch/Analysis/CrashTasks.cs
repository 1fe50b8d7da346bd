using System.Globalization;
using System.Text;
using Nightshift.Agents;
using Nightshift.Agents.Prompts;
using Nightshift.Agents.Tools;
using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Crashes;
using Nightshift.Git;

namespace Nightshift.Workloads.CrashWatch.Analysis;

/// <summary>
/// Turns a crash into the task the agent gets (kind <c>crash</c>, keyed by the signature so the replay agent finds recorded
/// fixes by it), with the variables <c>task-crash.md</c> renders: the crash, its frames, the source around each own frame
/// (read from the worktree), the recent commits touching those files, how to reproduce it and how the fix is judged.
/// </summary>
public static class CrashTasks
{
    public const string Kind = "crash";

    private const int MaxFramesShown = 12;
    private const int MaxExcerpts = 5;
    private const int MaxReportChars = 6_000;

    /// <param name="id">The task's id (journal, transcript file names).</param>
    /// <param name="analysis">The crash.</param>
    /// <param name="report">The crash report as written.</param>
    /// <param name="worktree">The worktree the agent will work in; the excerpts are read from it.</param>
    /// <param name="commits">Recent commits touching the own frames' files.</param>
    /// <param name="repro">How the verdict reproduces the crash, in words; null when no repro command is configured.</param>
    /// <param name="policy">How the fix is judged, in words.</param>
    /// <param name="notes">The repository's notes for agents (<c>agent.context</c>) found in the worktree.</param>
    public static AgentTask Create(
        string id,
        CrashAnalysis analysis,
        string report,
        string worktree,
        IReadOnlyList<CommitSummary> commits,
        string? repro,
        string policy,
        IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var crash = analysis.Crash;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["crash_kind"] = crash.Kind,
            ["crash_message"] = crash.Message,
            ["crash_format"] = crash.Format,
            ["signature"] = analysis.Signature.Value,
            ["faulting_frame"] = crash.FaultingFrame is { } fault ? FrameText(fault) : "(not named in the report)",
            ["thread"] = crash.Thread ?? "(not named)",
            ["revision"] = crash.Revision ?? "(not named)",
            ["frames"] = Frames(analysis),
            ["source"] = Source(analysis, new WorktreePaths(worktree)),
            ["commits"] = Commits(commits),
            ["report"] = report.Length > MaxReportChars ? report[..MaxReportChars] + "\n… (cut)" : report.TrimEnd(),
            ["repro"] = repro ?? "No repro command is configured: the verdict checks the build and the tests only.",
            ["policy"] = policy,
            ["context"] = AgentNotes.Render(notes ?? [], worktree),
        };
        return new AgentTask(id, Kind, analysis.Title, variables, []) { Key = analysis.Signature.Value, Family = crash.Kind };
    }

    private static string FrameText(CrashFrame frame) =>
        frame.File is { } file
            ? string.Create(CultureInfo.InvariantCulture, $"{frame.Function} at {file}{(frame.Line is { } line ? $":{line}" : "")}")
            : frame.Module is { } module ? $"{frame.Function} in {module}" : frame.Function;

    private static string Frames(CrashAnalysis analysis)
    {
        var own = analysis.OwnFrames.DistinctBy(f => f.Frame).ToDictionary(f => f.Frame, f => f.Source);
        var text = new StringBuilder();
        var frames = analysis.Crash.Frames;
        for (var i = 0; i < Math.Min(frames.Count, MaxFramesShown); i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"#{i} {FrameText(frames[i])}{(own.TryGetValue(frames[i], out var source) ? OwnMark(frames[i], source) : "")}\n");
        }

        if (frames.Count > MaxFramesShown)
        {
            text.Append(CultureInfo.InvariantCulture, $"… and {frames.Count - MaxFramesShown} more frames\n");
        }

        return text.Length == 0 ? "(the report has no stack)" : text.ToString().TrimEnd('\n');
    }

    // The report may spell the file otherwise (lower-cased, a build machine's folder): the agent gets the repository's path.
    private static string OwnMark(CrashFrame frame, SourceMatch source) =>
        frame.File == source.Path ? "   <- this repository" : $"   <- this repository: {source.Path}{(source.Note is { } note ? $" ({note})" : "")}";

    private static string Source(CrashAnalysis analysis, WorktreePaths paths)
    {
        var text = new StringBuilder();
        foreach (var frame in analysis.OwnFrames.Where(f => f.Frame.Line is not null).DistinctBy(f => (f.Path, f.Frame.Line)).Take(MaxExcerpts))
        {
            if (SourceExcerpt.For(new SourceSpan(frame.Path, frame.Frame.Line), paths) is { } excerpt)
            {
                text.Append(CultureInfo.InvariantCulture, $"{frame.Path}:{frame.Frame.Line} ({frame.Frame.Function})\n{excerpt}\n");
            }
        }

        return text.Length == 0 ? "(no frame of the crash points at a line of this repository)" : text.ToString().TrimEnd('\n');
    }

    private static string Commits(IReadOnlyList<CommitSummary> commits) =>
        commits.Count == 0
            ? "(none: these files have no history on this branch)"
            : string.Join('\n', commits.Select(c => string.Create(
                CultureInfo.InvariantCulture, $"{c.Sha[..12]} {c.Date:yyyy-MM-dd} {c.Author}: {c.Subject}")));
}
