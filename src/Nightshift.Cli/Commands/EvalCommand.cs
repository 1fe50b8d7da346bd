using System.CommandLine;
using System.Text.Json;
using Nightshift.Agents;
using Nightshift.Attempts.Episodes;
using Nightshift.Cli.Rendering;
using Nightshift.Configuration;
using Nightshift.Workloads.Learn.Datasets;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Koans;
using Nightshift.Workloads.Learn.Metrics;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift eval</c>: the configured agent (or a trained model) on the frozen eval koans.</summary>
internal static class EvalCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var model = new Option<string?>("--model") { Description = "Evaluate this model or adapter instead of agent.model", HelpName = "ID" };
        var repeats = new Option<int>("--repeats", "-k") { Description = "Runs per koan", DefaultValueFactory = _ => 1 };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Runs at once", DefaultValueFactory = _ => 2 };
        OptionRanges.Within(jobs, 1, Parallelism.MaxJobs);
        var koans = KoansCommand.KoansOption();
        var command = new Command(
            "eval",
            "Run the agent on the frozen eval koans, each in a temporary copy (passing = the koan's tests pass), and append " +
            "pass rate, mean steps to green and repeat-error rate to .nightshift/metrics.jsonl. Example: nightshift eval -k 3")
        {
            model, repeats, jobs, koans,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (k, parallelism) = (parseResult.GetValue(repeats), parseResult.GetValue(jobs));
            if (k < 1)
            {
                throw new LearnUsageException("--repeats must be at least 1.");
            }

            var context = LearnContext.Load(parseResult, globals, host);
            var set = KoansCommand.LoadKoans(parseResult, koans, host);
            var modelId = parseResult.GetValue(model);
            if (modelId is null)
            {
                // Without --model, the eval measures the agent every workload runs: the promoted model when it is in use.
                context = context with
                {
                    Config = await PromotedModel.ApplyAsync(context.Config, notice => host.Error.WriteLine($"nightshift: {notice}"), cancellationToken),
                };
            }

            var agents = LearnContext.Agents(context.Config, host);
            var agent = agents.Create(context.Config.Agent.Provider, modelId);
            var options = new EvalOptions
            {
                Repeats = k,
                Parallelism = parallelism,
                Budget = AgentFactory.BudgetOf(context.Config.Agent),
                Endpoint = agents.Endpoint,
                Paths = context.Paths,
            };

            var runner = await SandboxedRunner.CreateAsync(context.Config.Sandbox, host, cancellationToken);
            EvalReport report;
            await using (var journal = context.OpenJournal())
            {
                var evaluator = new KoanEvaluator(journal, new KoanToolchain(runner), runner, new EvalGuard(set));
                var progress = new SyncProgress<EvalRun>(run => host.Error.WriteLine(LearnText.Run(run)));
                try
                {
                    report = await evaluator.RunAsync(agent, modelId ?? context.Config.Agent.Model, set, options, progress, cancellationToken);
                }
                finally
                {
                    await agent.ReleaseAsync();
                }
            }

            var record = EvalRecord.From(report, DateTimeOffset.UtcNow);
            await new MetricsLog(context.Paths.Metrics).AppendAsync(record, cancellationToken);
            await host.Out.WriteLineAsync(
                (parseResult.GetValue(globals.Json) ? JsonSerializer.Serialize<MetricsRecord>(record, LearnJson.Compact) : $"{LearnText.Summary(report)}{Environment.NewLine}families: {LearnText.Families(report.Families)}")
                    .AsMemory(),
                cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
