using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Nightshift.Attempts.Episodes;
using Nightshift.Workloads.Learn.Datasets;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift dataset build</c>: the journal's failed-then-fixed episodes as a fine-tuning set.</summary>
internal static class DatasetCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var command = new Command("dataset", "Fine-tuning datasets built from the journal's episodes. Example: nightshift dataset build --replay-ratio 0.5");
        command.Add(CreateBuild(globals, host));
        return command;
    }

    private static Command CreateBuild(GlobalOptions globals, CliHost host)
    {
        var output = FileOption.Create("--out", "The dataset file (default: .nightshift/datasets/dataset-<UTC time>.jsonl); the manifest goes next to it", "-o");
        var replay = FileOption.Create("--replay", "Earlier data (a dataset file) to mix in");
        var ratio = new Option<double>("--replay-ratio")
        {
            Description = "The share of the dataset drawn from --replay, from 0 up to 1",
            DefaultValueFactory = _ => DatasetOptions.DefaultReplayRatio,
        };
        var seed = new Option<int>("--seed") { Description = "Seeds the draw from the replay buffer" };
        var threshold = new Option<double>("--dedup-threshold")
        {
            Description = "Shingle Jaccard similarity from which two examples count as one",
            DefaultValueFactory = _ => 0.9,
        };
        var perFamily = new Option<bool>("--per-family")
        {
            Description = "Also write one dataset per family of agent.routes beside it (train.jsonl → train.<family>.jsonl), to train an adapter per family",
        };
        var koans = KoansCommand.KoansOption();
        var command = new Command(
            "build",
            "Curate accepted fixes that followed a failure or started from errors into chat-messages JSONL (OpenAI fine-tuning, " +
            "Hugging Face TRL), without near-duplicates or eval koans, and write a manifest with counts, sources and sha256. " +
            "Example: nightshift dataset build --out train.jsonl --replay last.jsonl --replay-ratio 0.5")
        {
            output, replay, ratio, seed, threshold, perFamily, koans,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new DatasetOptions
            {
                ReplayRatio = parseResult.GetValue(ratio),
                Seed = parseResult.GetValue(seed),
                DuplicateThreshold = parseResult.GetValue(threshold),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new LearnUsageException(e.Message.Split(Environment.NewLine)[0]);
            }

            var context = LearnContext.Load(parseResult, globals, host);
            var set = KoansCommand.LoadKoans(parseResult, koans, host);
            var now = DateTimeOffset.UtcNow;
            var path = parseResult.GetValue(output) is { Length: > 0 } given
                ? host.ResolvePath(given)
                : Path.Combine(context.Paths.Datasets, $"dataset-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.jsonl");
            var replayPath = parseResult.GetValue(replay) is { Length: > 0 } file ? host.ResolvePath(file) : null;

            DatasetManifest manifest;
            await using (var journal = context.OpenExistingJournal())
            {
                manifest = await new DatasetBuilder(new EvalGuard(set))
                    .BuildAsync(
                        journal, replayPath, options, path, now, cancellationToken,
                        parseResult.GetValue(perFamily) ? new DatasetBuilder.FamilySplit(context.Config.Agent.Routes, set) : null);
            }

            await host.Out.WriteLineAsync(
                (parseResult.GetValue(globals.Json) ? JsonSerializer.Serialize(manifest, LearnJson.Compact) : Describe(manifest)).AsMemory(),
                cancellationToken);
            if (manifest.Counts.Total == 0)
            {
                await host.Error.WriteLineAsync(
                    "nightshift: the dataset is empty: no accepted fix in the journal followed a failure or started from errors.".AsMemory(),
                    cancellationToken);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(DatasetManifest manifest)
    {
        var c = manifest.Counts;
        return $"""
            Wrote {c.Total} example(s) to {manifest.Dataset}
              {c.FailedThenFixed} failed then fixed, {c.ErrorsFixed} fixed from errors, {c.Replay} replayed
              left out: {c.ExcludedEval} eval episode(s), {c.Duplicates} near-duplicate(s), {c.ReplayExcludedEval} eval replay line(s)
              sha256 {manifest.Sha256}
              manifest {DatasetManifest.PathFor(manifest.Dataset)}
            """ + string.Concat(manifest.Families.Select(f => $"\n  family {f.Family}: {f.Examples} example(s) in {f.Dataset}"));
    }
}
