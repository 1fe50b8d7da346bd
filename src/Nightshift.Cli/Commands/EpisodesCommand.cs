using System.CommandLine;
using System.Globalization;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;
using Nightshift.Store;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift episodes export</c>: every attempt as learning material, as JSON Lines.</summary>
internal static class EpisodesCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var command = new Command("episodes", "Episodes: every attempt with its task, diagnostics before and after, transcript, diff and verdict. Example: nightshift episodes export --format jsonl");
        command.Add(CreateExport(globals, host));
        return command;
    }

    private static Command CreateExport(GlobalOptions globals, CliHost host)
    {
        var format = new Option<string>("--format")
        {
            Description = "The output format",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl");
        var workload = new Option<string?>("--workload") { Description = "Only episodes of this workload (burn-down, eval, ...)" };
        var outcome = new Option<string?>("--outcome") { Description = "Only episodes with this outcome" };
        outcome.AcceptOnlyFromAmong([.. EpisodeOutcomes.Names]);
        var since = new Option<string?>("--since")
        {
            Description = "Only episodes recorded at or after this date (2026-05-01, UTC) or time (2026-05-01T22:00:00+02:00)",
            HelpName = "DATE",
        };
        var until = new Option<string?>("--until")
        {
            Description = "Only episodes recorded before this time, or up to the end of this date",
            HelpName = "DATE",
        };
        var output = FileOption.Create("--out", "Write to this file instead of stdout", "-o");
        var command = new Command(
            "export",
            "Write the journal's episodes as JSON Lines, one episode per line, oldest first. " +
            "Example: nightshift episodes export --workload burn-down --outcome accepted --since 2026-05-01 --out episodes.jsonl")
        {
            format, workload, outcome, since, until, output,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var query = new EpisodeQuery(
                parseResult.GetValue(workload),
                parseResult.GetValue(outcome),
                ParseBound(parseResult.GetValue(since), "--since", endOfDay: false),
                ParseBound(parseResult.GetValue(until), "--until", endOfDay: true));
            var context = LearnContext.Load(parseResult, globals, host);
            IReadOnlyList<Episode> episodes;
            await using (var journal = context.OpenExistingJournal())
            {
                episodes = await new EpisodeJournal(journal).ReadAsync(query, cancellationToken);
            }

            if (parseResult.GetValue(output) is { Length: > 0 } path)
            {
                var file = host.ResolvePath(path);
                await AtomicFile.WriteTextAsync(file, writer => EpisodeJsonl.WriteAsync(episodes, writer, cancellationToken), cancellationToken);
                await host.Error.WriteLineAsync($"Wrote {episodes.Count} episode(s) to {file}".AsMemory(), cancellationToken);
            }
            else
            {
                await EpisodeJsonl.WriteAsync(episodes, host.Out, cancellationToken);
                await host.Error.WriteLineAsync($"{episodes.Count} episode(s)".AsMemory(), cancellationToken);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// A date means a whole UTC day: from its start for --since, to its end for --until, so
    /// <c>--since 2026-05-01 --until 2026-05-01</c> is that one day. A time with an offset is taken as is.
    /// </summary>
    internal static DateTimeOffset? ParseBound(string? text, string option, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new LearnUsageException($"{option} '{text}' is neither a date (2026-05-01) nor a time (2026-05-01T22:00:00Z).");
    }
}
