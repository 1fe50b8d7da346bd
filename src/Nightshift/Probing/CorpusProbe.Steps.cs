using System.Diagnostics;
using Nightshift.Diagnostics;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;
using Nightshift.Files;

namespace Nightshift.Probing;

public sealed partial class CorpusProbe
{
    // Enough for rustc's JSON on a file with hundreds of errors; past it the item gets an output-truncated error.
    private const int OutputLimit = 16_000_000;

    // Compilers stop at once on SIGTERM; a step that does not is killed soon after, so one item cannot hold a job slot.
    private static readonly TimeSpan _gracePeriod = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs the steps of one item in order until one exits non-zero. Every step's output is parsed; a step that
    /// fails without reporting an error leaves a synthetic one (see <see cref="ProbeFailures"/>).
    /// </summary>
    private async Task<StepsOutcome> RunStepsAsync(ItemRun run, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var location = new SourceSpan(run.Item, Line: null);
        var diagnostics = new List<Diagnostic>();
        var exitCode = 0;
        var repeatable = true;
        Directory.CreateDirectory(run.Work);
        try
        {
            for (var index = 0; index < _corpus.Steps.Count; index++)
            {
                var arguments = StepTemplate.Fill(_corpus.Steps[index], run.Item, run.Work, run.Root, StepTemplate.Target(run.Options, run.Root));
                var name = $"step {index + 1} `{string.Join(' ', arguments)}`";
                var remaining = _config.ItemTimeout - stopwatch.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    diagnostics.Add(ProbeFailures.TimedOut(name, _config.ItemTimeout, "probe.item_timeout", run.Item, location));
                    repeatable = false;
                    break;
                }

                var spec = new CommandSpec(arguments[0], [.. arguments.Skip(1)])
                {
                    WorkingDirectory = run.Root,
                    Environment = run.Options.Environment,
                    Timeout = remaining,
                    GracePeriod = _gracePeriod,
                    OutputLimit = OutputLimit,
                    Confinement = Confinement.Of([run.Root, run.Work, .. run.Options.BuildOutputs]),
                };
                CommandResult result;
                try
                {
                    result = await _runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
                }
                catch (CommandStartException e)
                {
                    diagnostics.Add(ProbeFailures.CouldNotStart(name, e, run.Item, location));
                    exitCode = 127; // what a shell reports for a command it cannot run
                    repeatable = false;
                    break;
                }

                // An interrupted step measured nothing; the whole probe ends rather than record it.
                cancellationToken.ThrowIfCancellationRequested();

                var reported = _parser.Parse(StepOutput.Text(result)).Select(d => WorkPaths.Normalize(d, run.Work) with { Item = run.Item }).ToList();
                diagnostics.AddRange(reported);
                exitCode = result.ExitCode;
                if (result.OutputTruncated)
                {
                    diagnostics.Add(ProbeFailures.Truncated(name, OutputLimit, run.Item, location));
                    repeatable = false;
                }

                if (result.StopCause == StopCause.TimedOut)
                {
                    diagnostics.Add(ProbeFailures.TimedOut(name, _config.ItemTimeout, "probe.item_timeout", run.Item, location));
                    repeatable = false;
                    break;
                }

                if (result.ExitCode != 0)
                {
                    if (!reported.Any(d => d.IsError))
                    {
                        diagnostics.Add(ProbeFailures.Failed(name, result, run.Item, location));
                    }

                    break;
                }
            }
        }
        finally
        {
            if (run.Options.KeepOutputsIn is { } kept && Directory.Exists(run.Work))
            {
                var destination = Path.Combine(kept, run.Item);
                ProbeScratch.TryDelete(destination);
                DirectoryCopy.Copy(run.Work, destination);
            }

            ProbeScratch.TryDelete(run.Work);
        }

        return new StepsOutcome(new ItemResult(run.Item, diagnostics, exitCode, Cached: false, stopwatch.Elapsed), repeatable);
    }
}
