using System.Diagnostics;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;

namespace Nightshift.Probing;

/// <summary>
/// A probe that runs one command (<c>probe.command</c>, e.g. <c>cargo check --message-format=json</c>) in the
/// checkout and parses its output. The whole command is one item, <see cref="ItemName"/>.
/// </summary>
public sealed class CommandProbe : IProbe
{
    /// <summary>The name of the single item a one-command probe reports.</summary>
    public const string ItemName = "(command)";

    // A workspace-wide cargo or msbuild run can print tens of megabytes of JSON; dropping the middle of it
    // would silently drop diagnostics, so keep far more than the runner's default.
    private const int OutputLimit = 64_000_000;

    private readonly ConfiguredCommand _command;
    private readonly IDiagnosticParser _parser;
    private readonly TimeSpan _timeout;
    private readonly ProcessRunner _runner;

    public CommandProbe(ProbeConfig config, ProcessRunner? runner = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _command = config.Command ?? throw new ArgumentException("The probe configuration has no command.", nameof(config));
        _parser = DiagnosticParser.For(config.OutputFormat, config.Pattern);
        _timeout = config.Timeout;
        _runner = runner ?? new ProcessRunner();
    }

    public async Task<Snapshot> RunAsync(
        string root, ProbeOptions options, IProgress<ProbeProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        var directory = Path.GetFullPath(root);
        var stopwatch = Stopwatch.StartNew();
        var spec = _command.ToSpec() with
        {
            WorkingDirectory = directory,
            Environment = options.Environment,
            Timeout = _timeout,
            OutputLimit = OutputLimit,
            Confinement = Confinement.Of([directory, .. options.BuildOutputs]),
        };
        CommandResult result;
        try
        {
            result = await _runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandStartException e)
        {
            throw new ProbeException($"probe.command `{_command}` could not start: {e.Message}", e);
        }

        // A stopped command measured nothing; a partial count must not become a snapshot.
        cancellationToken.ThrowIfCancellationRequested();

        var step = $"probe.command `{_command}`";
        var diagnostics = _parser.Parse(StepOutput.Text(result)).Select(d => d with { Item = ItemName }).ToList();
        if (result.StopCause == StopCause.TimedOut)
        {
            diagnostics.Add(ProbeFailures.TimedOut(step, _timeout, "probe.timeout", ItemName, location: null));
        }
        else if (result.ExitCode != 0 && !diagnostics.Any(d => d.IsError))
        {
            diagnostics.Add(ProbeFailures.Failed(step, result, ItemName, location: null));
        }

        if (result.OutputTruncated)
        {
            diagnostics.Add(ProbeFailures.Truncated(step, OutputLimit, ItemName, location: null));
        }

        progress?.Report(new ProbeProgress(ItemName, 1, 1, Cached: false));
        return new Snapshot([new ItemResult(ItemName, diagnostics, result.ExitCode, Cached: false, stopwatch.Elapsed)]);
    }
}
