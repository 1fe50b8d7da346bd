using System.Globalization;
using System.Threading.Channels;
using Nightshift.Agents.External.Output;
using Nightshift.Execution;

namespace Nightshift.Agents.External;

/// <summary>
/// One run of a command agent: carries output lines from the runner's callback to the transcript (in
/// order, on one consumer, so a slow transcript never blocks the child's pipes), reads them for usage,
/// and stops the run when a budget is exceeded.
/// </summary>
internal sealed class CommandRun : IAsyncDisposable
{
    private const int StderrTailLines = 20;

    private readonly AgentRequest _request;
    private readonly CommandAgentOptions _options;
    private readonly Redactor _redactor;
    private readonly CancellationToken _outer;
    private readonly CancellationTokenSource _stop;
    private readonly IAgentOutputReader _reader;
    private readonly Channel<OutputLine> _lines = Channel.CreateUnbounded<OutputLine>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _consumer;
    private AgentStopReason? _limit;

    public CommandRun(AgentRequest request, CommandAgentOptions options, Redactor redactor, CancellationToken cancellationToken)
    {
        _request = request;
        _options = options;
        _redactor = redactor;
        _outer = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _reader = AgentOutputReaders.For(options.OutputFormat);
        _consumer = Task.Run(ConsumeAsync, CancellationToken.None);
    }

    /// <summary>Canceled by the caller, or by this run when a budget is exceeded.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The runner's output callback: never blocks.</summary>
    public void Post(OutputLine line) => _lines.Writer.TryWrite(line);

    /// <summary>Entries are written even while the run is being canceled: the transcript is how a person finds out why.</summary>
    public Task RecordAsync(TranscriptEntry entry) => _request.Transcript.AppendAsync(entry, CancellationToken.None);

    /// <summary>Waits until every line posted so far is in the transcript.</summary>
    public async Task CompleteAsync()
    {
        _lines.Writer.TryComplete();
        await _consumer.ConfigureAwait(false);
    }

    /// <summary>What the run comes to, once the process is gone and the output read.</summary>
    public async Task<AgentResult> FinishAsync(CommandResult result)
    {
        if (result.StopCause == StopCause.Canceled && _limit is null)
        {
            await RecordAsync(new TranscriptEntry(_reader.Steps, "harness", $"Canceled after {Seconds(result)}; the process tree was stopped.")).ConfigureAwait(false);
            _outer.ThrowIfCancellationRequested();
        }

        var reported = _reader.ReportedStop;
        var reason = _limit ?? result.StopCause switch
        {
            StopCause.TimedOut => AgentStopReason.TimeLimit,
            StopCause.IdleTimedOut => AgentStopReason.IdleLimit,
            _ when reported is { Reason: not AgentStopReason.Error } => reported.Value.Reason,
            _ when result.ExitCode != 0 || reported is not null => AgentStopReason.Error,
            _ => AgentStopReason.Finished,
        };
        var error = reason == AgentStopReason.Error ? ErrorOf(result, reported?.Message) : null;
        await RecordAsync(new TranscriptEntry(_reader.Steps, "harness", Describe(result, reason))).ConfigureAwait(false);
        return new AgentResult(reason, Usage, _reader.Steps, _reader.FinalMessage, error) { SummaryIsOwn = true };
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        try
        {
            await _consumer.ConfigureAwait(false);
        }
        finally
        {
            _stop.Dispose();
        }
    }

    private AgentUsage Usage => _reader.Usage is { CostUsd: null, TotalTokens: > 0 } usage && _options.Price is { } price
        ? usage with { CostUsd = price.CostUsd(usage.TokensIn, usage.TokensOut) }
        : _reader.Usage;

    private async Task ConsumeAsync()
    {
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                foreach (var entry in _reader.Read(line with { Text = _redactor.Redact(line.Text) }))
                {
                    await RecordAsync(entry).ConfigureAwait(false);
                }

                CheckBudget();
            }
        }
        catch
        {
            // An agent whose steps cannot be recorded must not go on working unobserved.
            await _stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void CheckBudget()
    {
        var budget = _request.Budget;
        var usage = Usage;
        AgentStopReason? exceeded =
            budget.MaxTokens is { } tokens && usage.TotalTokens > tokens ? AgentStopReason.TokenLimit
            : budget.MaxCostUsd is { } cost && usage.CostUsd > cost ? AgentStopReason.CostLimit
            : budget.MaxSteps is { } steps && _reader.Steps > steps ? AgentStopReason.StepLimit
            : null;
        if (exceeded is not null && _limit is null)
        {
            _limit = exceeded;
            _stop.Cancel();
        }
    }

    private string ErrorOf(CommandResult result, string? reported)
    {
        var tail = string.Join('\n', _redactor.Redact(result.StandardError).TrimEnd().Split('\n').TakeLast(StderrTailLines));
        var exit = string.Create(CultureInfo.InvariantCulture, $"{_options.Command[0]} exited with code {result.ExitCode}");
        return string.Join(Environment.NewLine, new[] { reported ?? exit, tail }.Where(part => part.Length > 0));
    }

    private string Describe(CommandResult result, AgentStopReason reason)
    {
        var why = reason switch
        {
            AgentStopReason.IdleLimit => $"stopped: no output for {_request.Budget.IdleTime}; the process tree was killed",
            AgentStopReason.TimeLimit => $"stopped: the time budget of {_request.Budget.WallTime} ran out; the process tree was killed",
            AgentStopReason.TokenLimit or AgentStopReason.CostLimit or AgentStopReason.StepLimit when result.WasKilled =>
                $"stopped: {reason} reached; the process tree was killed",
            _ => string.Create(CultureInfo.InvariantCulture, $"exited with code {result.ExitCode}"),
        };
        return $"{_redactor.Redact(result.CommandLine)} {why} after {Seconds(result)}: {reason}.";
    }

    private static string Seconds(CommandResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.Duration.TotalSeconds:0.0}s");
}
