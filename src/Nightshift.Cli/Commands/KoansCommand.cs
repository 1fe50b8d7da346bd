using System.CommandLine;
using System.Text.Json.Nodes;
using Nightshift.Cli.Rendering;
using Nightshift.Configuration;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift koans list|check</c>: the bundled koans (or another set) and the proof that each is sound.</summary>
internal static class KoansCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var command = new Command(
            "koans",
            "The koans: small broken Rust programs with tests and reference solutions, split into train and a frozen eval set. Example: nightshift koans check");
        command.Add(CreateList(globals, host));
        command.Add(CreateCheck(globals, host));
        return command;
    }

    /// <summary>The --koans option every learn command shares.</summary>
    public static Option<string?> KoansOption() => new("--koans")
    {
        Description = "The folder holding koans.yml (default: the koans bundled with nightshift)",
        HelpName = "DIR",
    };

    public static KoanSet LoadKoans(ParseResult parseResult, Option<string?> option, CliHost host) =>
        KoanSet.Load(parseResult.GetValue(option) is { Length: > 0 } path ? host.ResolvePath(path) : KoanSet.BundledRoot);

    private static Command CreateList(GlobalOptions globals, CliHost host)
    {
        var koans = KoansOption();
        var command = new Command("list", "List the koans with their category, difficulty and split. Example: nightshift koans list --json")
        {
            koans,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var set = LoadKoans(parseResult, koans, host);
            if (parseResult.GetValue(globals.Json))
            {
                var json = new JsonObject
                {
                    ["root"] = set.Root,
                    ["evalSetHash"] = set.EvalSetHash,
                    ["koans"] = new JsonArray([.. set.Koans.Select(Describe)]),
                };
                await host.Out.WriteLineAsync(json.ToJsonString().AsMemory(), cancellationToken);
                return ExitCodes.Ok;
            }

            foreach (var koan in set.Koans)
            {
                await host.Out.WriteLineAsync(
                    $"{koan.Id,-40} {koan.Category,-14} {koan.Difficulty}  {Split(koan),-5}  {koan.Title}".AsMemory(), cancellationToken);
            }

            await host.Error.WriteLineAsync(
                $"{set.Koans.Count} koans ({set.Train.Count()} train, {set.Eval.Count()} eval) in {set.Root}".AsMemory(), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateCheck(GlobalOptions globals, CliHost host)
    {
        var koans = KoansOption();
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Koans checked at once",
            DefaultValueFactory = _ => 2,
        };
        OptionRanges.Within(jobs, 1, Parallelism.MaxJobs);
        var command = new Command(
            "check",
            "Prove every koan fails as shipped and passes with its reference solution (exit code 1 names the koans that do not). " +
            "Needs rustc. Example: nightshift koans check")
        {
            koans,
            jobs,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var set = LoadKoans(parseResult, koans, host);

            var json = parseResult.GetValue(globals.Json);
            var progress = new SyncProgress<KoanCheckResult>(result =>
            {
                if (!json)
                {
                    host.Out.WriteLine(
                        $"{(result.IsSound ? "ok  " : "FAIL")} {result.Koan.Id,-40} as shipped: {result.Before.Describe()}; " +
                        $"solved: {result.After.Describe()}");
                }
            });
            // The koans' code is compiled and run as any worktree's is: in the sandbox of the default configuration.
            var checker = new KoanChecker(new KoanToolchain(await SandboxedRunner.CreateAsync(config: null, host, cancellationToken)));
            var results = await checker.CheckAsync(set.Koans, parseResult.GetValue(jobs), progress, cancellationToken);

            var unsound = results.Where(r => !r.IsSound).ToList();
            if (json)
            {
                var report = new JsonObject
                {
                    ["root"] = set.Root,
                    ["evalSetHash"] = set.EvalSetHash,
                    ["sound"] = unsound.Count == 0,
                    ["koans"] = new JsonArray([.. results.Select(r => new JsonObject
                    {
                        ["id"] = r.Koan.Id,
                        ["sound"] = r.IsSound,
                        ["asShipped"] = r.Before.Describe(),
                        ["solved"] = r.After.Describe(),
                        ["problem"] = r.Problem,
                    })]),
                };
                await host.Out.WriteLineAsync(report.ToJsonString().AsMemory(), cancellationToken);
            }

            foreach (var result in unsound)
            {
                await host.Error.WriteLineAsync($"nightshift: koan {result.Koan.Id}: {result.Problem}".AsMemory(), cancellationToken);
            }

            await host.Error.WriteLineAsync(
                $"{results.Count - unsound.Count} of {results.Count} koans sound".AsMemory(), cancellationToken);
            return unsound.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static JsonObject Describe(Koan koan) => new()
    {
        ["id"] = koan.Id,
        ["category"] = koan.Category,
        ["difficulty"] = koan.Difficulty,
        ["split"] = Split(koan),
        ["title"] = koan.Title,
        ["directory"] = koan.Directory,
    };

    private static string Split(Koan koan) => koan.IsEval ? "eval" : "train";
}
