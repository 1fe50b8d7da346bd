using System.Text.RegularExpressions;
using Nightshift.Configuration;
using Nightshift.Execution;

namespace Nightshift.Workloads.Learn.Training;

/// <summary>
/// The sleep step: runs <c>learn.train.command</c> on a dataset, streams its log, reads its losses and finds
/// the model it produced. In the command, <c>{dataset}</c> becomes the dataset file and <c>{output}</c> a fresh
/// folder for this run (shell-quoted in a string command). The model id is, in this order:
/// <list type="number">
/// <item>the last line of the trainer's output of the form <c>model: &lt;id&gt;</c> (a hosted fine-tune id);</item>
/// <item>the first line of the file <c>{output}/model-id</c>;</item>
/// <item>the <c>{output}</c> folder itself, when the trainer wrote anything to it (a local adapter is its path).</item>
/// </list>
/// A non-zero exit, or an exit without a model, is a failed run, not an exception.
/// </summary>
public sealed partial class Trainer(ProcessRunner runner)
{
    public const string ModelIdFile = "model-id";

    /// <param name="config">The trainer to run.</param>
    /// <param name="workingDirectory">Where it runs: the repository root.</param>
    /// <param name="dataset">The dataset file, absolute.</param>
    /// <param name="output">A folder for the trainer's model, absolute; created empty if missing.</param>
    /// <param name="log">The file the whole log is written to as it arrives.</param>
    /// <param name="progress">Receives every line as it arrives.</param>
    /// <param name="cancellationToken">Stops the trainer (and its process tree).</param>
    public async Task<TrainingRun> RunAsync(
        TrainConfig config,
        string workingDirectory,
        string dataset,
        string output,
        string log,
        IProgress<TrainingLine>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        Directory.CreateDirectory(output);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(log))!);
        var losses = new List<LossPoint>();
        var parser = config.LossPattern is { } pattern ? new LossParser(pattern) : null;
        string? announced = null;
        var gate = new Lock();

        await using var logWriter = new StreamWriter(log, append: false) { AutoFlush = true };
        var spec = Command(config.Command, dataset, output) with
        {
            WorkingDirectory = workingDirectory,
            OnOutput = line =>
            {
                lock (gate)
                {
                    var loss = parser?.Parse(line.Text);
                    if (loss is not null)
                    {
                        losses.Add(loss);
                    }

                    if (line.Channel == OutputChannel.StandardOutput && ModelLine().Match(line.Text) is { Success: true } model)
                    {
                        announced = model.Groups["id"].Value;
                    }

                    logWriter.WriteLine(line.Text);
                    progress?.Report(new TrainingLine(line.Channel, line.Text, loss));
                }
            },
        };

        var result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var modelId = result.Succeeded ? announced ?? ReadModelIdFile(output) ?? OutputIfWritten(output) : null;
        var error = !result.Succeeded
            ? $"{result.CommandLine} {(result.WasKilled ? $"was stopped ({result.StopCause})" : $"exited with {result.ExitCode}")}; see {log}"
            : modelId is null
                ? $"{result.CommandLine} exited 0 but named no model: print 'model: <id>', write {output}/{ModelIdFile}, or write the model into {{output}}"
                : null;
        lock (gate)
        {
            return new TrainingRun(modelId, dataset, output, log, result.ExitCode, result.Duration, [.. losses], error);
        }
    }

    /// <summary>The command with its placeholders filled in; shell scripts get the paths quoted.</summary>
    public static CommandSpec Command(ConfiguredCommand command, string dataset, string output)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Script is { } script)
        {
            return new CommandSpec("sh", ["-c", Fill(script, CommandLine.Quote(dataset), CommandLine.Quote(output))]);
        }

        return new CommandSpec(
            Fill(command.Arguments[0], dataset, output), [.. command.Arguments.Skip(1).Select(a => Fill(a, dataset, output))]);
    }

    private static string Fill(string text, string dataset, string output) =>
        text.Replace("{dataset}", dataset, StringComparison.Ordinal).Replace("{output}", output, StringComparison.Ordinal);

    private static string? ReadModelIdFile(string output)
    {
        var file = Path.Combine(output, ModelIdFile);
        return File.Exists(file) && File.ReadLines(file).FirstOrDefault()?.Trim() is { Length: > 0 } id ? id : null;
    }

    private static string? OutputIfWritten(string output) =>
        Directory.EnumerateFileSystemEntries(output).Any() ? Path.GetFullPath(output) : null;

    [GeneratedRegex(@"^model:\s*(?<id>\S+)\s*$")]
    private static partial Regex ModelLine();
}
