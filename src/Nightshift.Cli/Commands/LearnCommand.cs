using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Nightshift.Agents;
using Nightshift.Agents.Prompts;
using Nightshift.Attempts.Episodes;
using Nightshift.Cli.Rendering;
using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Workloads.Learn.Cycles;
using Nightshift.Workloads.Learn.Datasets;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Reporting;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift learn</c>: dataset, training (the sleep step), eval and gate, N times.</summary>
internal static class LearnCommand
{
    public static Command Create(GlobalOptions globals, CliHost host, NightAgentFactory nights)
    {
        var cycles = new Option<int>("--cycles", "-n") { Description = "Train-eval-gate cycles to run", DefaultValueFactory = _ => 1 };
        var repeats = new Option<int>("--repeats", "-k") { Description = "Eval runs per koan", DefaultValueFactory = _ => 1 };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Eval runs at once", DefaultValueFactory = _ => 2 };
        OptionRanges.Within(jobs, 1, Parallelism.MaxJobs);
        var ratio = new Option<double>("--replay-ratio")
        {
            Description = "The share of each dataset replayed from the promoted model's dataset",
            DefaultValueFactory = _ => DatasetOptions.DefaultReplayRatio,
        };
        var seed = new Option<int>("--seed") { Description = "Seeds the draw from the replay buffer" };
        var threshold = new Option<double>("--dedup-threshold")
        {
            Description = "Shingle Jaccard similarity from which two examples count as one",
            DefaultValueFactory = _ => 0.9,
        };
        var output = FileOption.Create("--out", "Where to write the HTML report that plots each cycle (default: .nightshift/reports/learn-<session>.html); the path is printed");
        var noDay = new Option<bool>("--no-day") { Description = "Skip the day phase: the open clusters of earlier nights (once, first) and the train koans (each cycle)" };
        var koans = KoansCommand.KoansOption();
        var command = new Command(
            "learn",
            "Learn from the journal: build a dataset of failed-then-fixed episodes, train a candidate with learn.train, evaluate it " +
            "on the frozen eval koans and promote it only if it matches the configured agent and the promoted model (within " +
            "learn.gates.margin) without repeating more errors; otherwise roll it back. Writes an HTML report plotting pass rate, " +
            "steps to green, repeat-error rate, forgetting and forward transfer per koan family per cycle. Example: nightshift learn --cycles 3")
        {
            cycles, repeats, jobs, ratio, seed, threshold, noDay, koans, output, Day(globals, host, nights), Rollback(globals, host),
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new LearnOptions
            {
                Cycles = parseResult.GetValue(cycles),
                Day = !parseResult.GetValue(noDay),
                ReplayRatio = parseResult.GetValue(ratio),
                Seed = parseResult.GetValue(seed),
                DuplicateThreshold = parseResult.GetValue(threshold),
                Eval = new EvalOptions { Repeats = parseResult.GetValue(repeats), Parallelism = parseResult.GetValue(jobs) },
            };
            Validate(options);

            var context = LearnContext.LoadForLearning(parseResult, globals, host);
            var config = context.Config;
            var train = config.Learn.Train ?? throw new ConfigException(
                $"{config.FilePath} has no 'learn.train' section, which 'nightshift learn' needs to train a model. " +
                "Add one; 'nightshift init' writes a commented example.");
            var set = KoansCommand.LoadKoans(parseResult, koans, host);
            var agents = LearnContext.Agents(config, host);
            options = WithConfig(options, context, agents);
            if (options.Day)
            {
                await PracticeOpenTasksAsync(host, context, nights, cancellationToken);
            }

            using var sessionLock = SessionLock.Acquire(context.Paths, "learn");
            var runner = await SandboxedRunner.CreateAsync(config.Sandbox, host, cancellationToken);
            LearnReport report;
            await using (var journal = context.OpenJournal())
            {
                var loop = new LearnLoop(journal, set, train, config.RepositoryRoot, runner, model => agents.Create(config.Agent.Provider, model));
                report = await loop.RunAsync(options, Progress(host, parseResult.GetValue(globals.Verbose)), cancellationToken);
            }

            var reportPath = Path.GetFullPath(
                parseResult.GetValue(output)
                    ?? Path.Combine(context.Paths.Reports, $"learn-{report.SessionId.ToString(CultureInfo.InvariantCulture)}.html"),
                host.WorkingDirectory);
            var html = LearnHtmlReport.Render(report, DateTimeOffset.UtcNow);
            await AtomicFile.WriteTextAsync(reportPath, writer => writer.WriteAsync(html), cancellationToken);
            await host.Error.WriteLineAsync($"report: {reportPath}".AsMemory(), cancellationToken);
            await host.Out.WriteLineAsync(
                (parseResult.GetValue(globals.Json) ? LearnLog.Json(report) : LearnLog.Summary(report)).AsMemory(), cancellationToken);
            return report.Cycles.Any(c => c.Training is { Succeeded: false }) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>nightshift learn day</c>: only the day phase, whose episodes the next <c>nightshift learn</c> learns from.</summary>
    private static Command Day(GlobalOptions globals, CliHost host, NightAgentFactory nights)
    {
        var repeats = new Option<int>("--repeats", "-k") { Description = "Runs per train koan", DefaultValueFactory = _ => 1 };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Runs at once", DefaultValueFactory = _ => 2 };
        OptionRanges.Within(jobs, 1, Parallelism.MaxJobs);
        var koans = KoansCommand.KoansOption();
        var command = new Command(
            "day",
            "Run the day phase alone: the model being improved (the last one promoted, else agent.model) on the clusters earlier " +
            "nights left open (in a night restricted to them, when a probe is configured) and on every train koan, -k times " +
            "each, each run journaled as an attempt with its episode for the next dataset. Example: nightshift learn day -k 2")
        {
            repeats, jobs, koans,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new LearnOptions { Eval = new EvalOptions { Repeats = parseResult.GetValue(repeats), Parallelism = parseResult.GetValue(jobs) } };
            Validate(options);
            var context = LearnContext.LoadForLearning(parseResult, globals, host);
            var config = context.Config;
            var set = KoansCommand.LoadKoans(parseResult, koans, host);
            var agents = LearnContext.Agents(config, host);
            options = WithConfig(options, context, agents);
            await PracticeOpenTasksAsync(host, context, nights, cancellationToken);

            using var sessionLock = SessionLock.Acquire(context.Paths, "learn day");
            var runner = await SandboxedRunner.CreateAsync(config.Sandbox, host, cancellationToken);
            await using var journal = context.OpenJournal();
            var loop = new LearnLoop(journal, set, config.Learn.Train, config.RepositoryRoot, runner, model => agents.Create(config.Agent.Provider, model));
            var day = await loop.DayAsync(options, Progress(host, parseResult.GetValue(globals.Verbose)), cancellationToken);
            var text = day is null
                ? parseResult.GetValue(globals.Json) ? "{}" : "no train koans: nothing to practise"
                : parseResult.GetValue(globals.Json)
                    ? JsonSerializer.Serialize(day, LearnJson.Indented)
                    : $"day: {day.Model ?? day.Agent} passed {day.Passed} of {day.Runs} run(s) on {day.Koans} train koan(s) (session {day.SessionId})";
            await host.Out.WriteLineAsync(text.AsMemory(), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The day phase on the journal's open tasks: the clusters earlier nights tried and never fixed, tried again by the
    /// model being improved (the promoted one, else agent.model) in a burn-down night restricted to them, which records
    /// its attempts and episodes (and lands what it verifies) as every night does. Nothing to do without a probe or an
    /// open task. Once per command, before its learn session.
    /// </summary>
    private static async Task PracticeOpenTasksAsync(CliHost host, LearnContext context, NightAgentFactory nights, CancellationToken cancellationToken)
    {
        var config = context.Config;
        if (config.Probe is null || !File.Exists(context.Paths.Journal))
        {
            return;
        }

        IReadOnlyList<string> open;
        Store.PromotionRow? promotion;
        await using (var journal = context.OpenJournal())
        {
            var episodes = await new EpisodeJournal(journal).ReadAsync(EpisodeQuery.All, cancellationToken);
            open = OpenTasks.Of(episodes, WorkloadNames.BurnDown, ClusterTasks.Kind);
            promotion = await journal.CurrentPromotionAsync(cancellationToken);
        }

        if (open.Count == 0)
        {
            return;
        }

        await host.Error.WriteLineAsync(
            $"nightshift: day: {open.Count} open task(s) of earlier nights ({string.Join(", ", open)}), tried again in a night of their own".AsMemory(),
            cancellationToken);
        var model = promotion is null ? config : config with { Agent = config.Agent with { Model = promotion.Model } };
        var night = await RunCommand.RunNightAsync(host, model, nights, resume: false, cancellationToken, open.ToHashSet(StringComparer.Ordinal));
        await host.Error.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"nightshift: day: the open tasks' night (session {night.SessionId}) landed {night.Commits} fix(es) on {night.Branch} and rejected {night.Rejections} attempt(s); it stopped: {night.StopReason.Description}").AsMemory(),
            cancellationToken);
    }

    /// <summary><c>nightshift learn rollback</c>: retires the promoted model, so the one promoted before it is used again.</summary>
    private static Command Rollback(GlobalOptions globals, CliHost host)
    {
        var reason = new Option<string>("--reason") { Description = "Why, for the journal", DefaultValueFactory = _ => "rolled back by hand" };
        var command = new Command(
            "rollback",
            "Roll the promoted model back: the one promoted before it (or, when none stands, agent.model as configured) is what " +
            "agent.model: promoted and learn.promote_to: agent use from now on. The promotion stays in the journal, marked rolled " +
            "back with the reason. Example: nightshift learn rollback --reason 'worse on the night of 2026-12-07'")
        {
            reason,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var context = LearnContext.Load(parseResult, globals, host);
            using var sessionLock = SessionLock.Acquire(context.Paths, "learn rollback");
            await using var journal = context.OpenExistingJournal();
            var (rolledBack, current) = await journal.RollBackPromotionAsync(parseResult.GetValue(reason)!, cancellationToken);
            var configured = context.Config.Agent.WantsPromotedModel ? null : context.Config.Agent.Model;
            if (parseResult.GetValue(globals.Json))
            {
                var json = new System.Text.Json.Nodes.JsonObject
                {
                    ["rolled_back"] = rolledBack?.Model,
                    ["current"] = current?.Model,
                    ["configured"] = configured,
                };
                await host.Out.WriteLineAsync(json.ToJsonString(LearnJson.Indented).AsMemory(), cancellationToken);
            }
            else
            {
                await host.Out.WriteLineAsync(RollbackText(rolledBack, current, configured).AsMemory(), cancellationToken);
            }

            return rolledBack is null ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static string RollbackText(Store.PromotionRow? rolledBack, Store.PromotionRow? current, string? configured)
    {
        if (rolledBack is null)
        {
            return "nothing to roll back: no promoted model stands in the journal";
        }

        var now = current is not null
            ? string.Create(CultureInfo.InvariantCulture, $"the promoted model is now {current.Model} (promoted {current.PromotedAt:yyyy-MM-dd HH:mm} UTC, pass rate {current.PassRate:P0})")
            : $"no promoted model stands now: workloads use agent.model {configured ?? "(not set)"} as configured";
        return string.Create(CultureInfo.InvariantCulture, $"rolled back {rolledBack.Model} (promoted {rolledBack.PromotedAt:yyyy-MM-dd HH:mm} UTC); {now}");
    }

    private static LearnOptions WithConfig(LearnOptions options, LearnContext context, AgentFactory agents) => options with
    {
        Margin = (double)context.Config.Learn.Gates.Margin,
        BaselineModel = context.Config.Agent.Model,
        Eval = options.Eval with
        {
            Budget = AgentFactory.BudgetOf(context.Config.Agent),
            Endpoint = agents.Endpoint,
            Paths = context.Paths,
        },
    };

    private static SyncProgress<LearnEvent> Progress(CliHost host, bool verbose) => new(e =>
    {
        if (LearnLog.Line(e, verbose) is { } line)
        {
            host.Error.WriteLine(line);
        }
    });

    private static void Validate(LearnOptions options)
    {
        if (options.Cycles < 1 || options.Eval.Repeats < 1)
        {
            throw new LearnUsageException("--cycles and --repeats must be at least 1.");
        }

        try
        {
            new DatasetOptions { ReplayRatio = options.ReplayRatio, DuplicateThreshold = options.DuplicateThreshold }.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new LearnUsageException(e.Message.Split(Environment.NewLine)[0]);
        }
    }
}
