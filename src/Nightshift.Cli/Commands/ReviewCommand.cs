using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Nightshift.Landing.Reviews;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift review</c>: a review branch with only the fixes kept, each verified again when it must be.</summary>
internal static class ReviewCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var session = new Argument<long?>("SESSION") { Description = "The night whose fixes are reviewed (default: the last burn-down night)", Arity = ArgumentArity.ZeroOrOne };
        var keep = new Option<string>("--keep") { Description = "The tickets to keep, comma-separated (NS-0001,NS-0004); the others are dropped" };
        var drop = new Option<string>("--drop") { Description = "The tickets to drop, comma-separated; the others are kept" };
        var into = new Option<string>("--into") { Description = "The review branch to create (default: nightshift/review-<session>); it must not exist" };
        var command = new Command(
            "review",
            "Build a review branch from a night's base with only the fixes you keep, in their order: each kept fix's change is " +
            "applied, and once an earlier fix was dropped it is verified again (probe, tests, policy, as the night did), because " +
            "it may have depended on it; a fix that no longer applies or verifies is reported and left out. Exits 1 when a kept " +
            "fix was left out. Example: nightshift review 12 --drop NS-0002")
        {
            session, keep, drop, into,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (kept, dropped) = (Tickets(parseResult.GetValue(keep)), Tickets(parseResult.GetValue(drop)));
            if ((kept is null) == (dropped is null))
            {
                throw new UsageException("say which fixes to keep (--keep NS-0001,NS-0003) or which to drop (--drop NS-0002), not both.");
            }

            var config = globals.LoadConfig(parseResult, host);
            await using var locked = await LockedJournal.OpenAsync(config, host, "review", cancellationToken);
            var id = parseResult.GetValue(session)
                ?? (await locked.Journal.ListSessionsAsync(cancellationToken)).LastOrDefault(s => s.Workload == Store.WorkloadNames.BurnDown)?.Id
                ?? throw new UsageException("the journal holds no burn-down night to review.");
            var branch = parseResult.GetValue(into) ?? $"nightshift/review-{id.ToString(CultureInfo.InvariantCulture)}";
            var known = (await locked.Journal.SessionCommitsAsync(id, cancellationToken)).Select(c => c.Ticket).ToHashSet(StringComparer.Ordinal);
            if ((kept ?? dropped)!.FirstOrDefault(t => !known.Contains(t)) is { } unknown)
            {
                throw new UsageException($"session {id} has no fix {unknown}; its fixes are {string.Join(", ", known)}.");
            }

            var progress = new Progress<string>(stage => host.Error.WriteLine($"review: {stage}"));
            var result = await new ReviewBuilder(config, locked.Journal, locked.Runner)
                .BuildAsync(id, ticket => kept?.Contains(ticket) ?? !dropped!.Contains(ticket), branch, progress, cancellationToken);
            await host.Out.WriteLineAsync((parseResult.GetValue(globals.Json) ? Json(result) : Text(result)).AsMemory(), cancellationToken);
            var lost = result.Decisions.Any(d => d.Outcome is ReviewOutcome.NoLongerApplies or ReviewOutcome.NoLongerVerifies);
            return lost ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static HashSet<string>? Tickets(string? list) =>
        list is null ? null : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    private static string Text(ReviewResult result) =>
        $"review branch {result.Branch} ({result.Tip[..12]}) from {result.BaseCommit[..12]}:\n" + string.Join('\n', result.Decisions.Select(d => d.Outcome switch
        {
            ReviewOutcome.Kept => $"  kept     {d.Ticket} ({d.Why})",
            ReviewOutcome.Dropped => $"  dropped  {d.Ticket}",
            ReviewOutcome.NoLongerApplies => $"  LEFT OUT {d.Ticket}: no longer applies: {d.Why}",
            _ => $"  LEFT OUT {d.Ticket}: no longer verifies: {d.Why}",
        }));

    private static string Json(ReviewResult result) => new JsonObject
    {
        ["session"] = result.SessionId,
        ["branch"] = result.Branch,
        ["base"] = result.BaseCommit,
        ["tip"] = result.Tip,
        ["fixes"] = new JsonArray([.. result.Decisions.Select(d => (JsonNode)new JsonObject
        {
            ["ticket"] = d.Ticket,
            ["outcome"] = d.Outcome switch
            {
                ReviewOutcome.Kept => "kept",
                ReviewOutcome.Dropped => "dropped",
                ReviewOutcome.NoLongerApplies => "no_longer_applies",
                _ => "no_longer_verifies",
            },
            ["why"] = d.Why,
            ["commit"] = d.Commit,
        })]),
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}
