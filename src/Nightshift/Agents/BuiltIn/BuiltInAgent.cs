using System.Diagnostics;
using Nightshift.Agents.Prompts;
using Nightshift.Agents.Providers;
using Nightshift.Agents.Tools;
using Nightshift.Execution;

namespace Nightshift.Agents.BuiltIn;

/// <summary>
/// The built-in tool-using agent (<c>agent.provider: openai | anthropic</c>), in the manner of
/// mini-swe-agent: the message list is the whole state; before each query the limits are checked; the
/// model is queried, its tool calls run, their observations appended; every step is written to the
/// transcript as soon as it happens. A failed tool is an observation the model reads, not an exception.
/// Secrets (<see cref="BuiltInAgentSettings.Redactor"/>) are masked in what the model is sent (the task and
/// every observation) and in what the transcript stores.
/// The agent owns its model and disposes it.
/// </summary>
public sealed partial class BuiltInAgent : IAgent, IDisposable
{
    private readonly IChatModel _model;
    private readonly BuiltInAgentSettings _settings;
    private readonly ProcessRunner _runner;
    private readonly Redactor _redactor;

    public BuiltInAgent(IChatModel model, BuiltInAgentSettings? settings = null, ProcessRunner? runner = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _settings = settings ?? new BuiltInAgentSettings();
        _runner = runner ?? new ProcessRunner();
        _redactor = _settings.Redactor;
    }

    public string Name => _model.Provider;

    /// <summary>
    /// Runs the task. Returns how it stopped; throws <see cref="ProviderException"/> when the model cannot
    /// be queried (after the retries), fatal for bad credentials or a wrong URL or model, and
    /// <see cref="PromptTemplateException"/> when a template cannot be rendered.
    /// </summary>
    public async Task<AgentResult> RunAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var transcript = new RedactingTranscript(request.Transcript, _redactor);
        var toolbox = new Toolbox(request.Worktree, request.Checks, _runner, _redactor, _settings.ObservationLimit);
        var budget = request.Budget;
        var variables = Variables(request);
        var clock = Stopwatch.StartNew();
        using var wallTime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (budget.WallTime is { } wall)
        {
            wallTime.CancelAfter(wall);
        }

        // The task carries source excerpts, which may hold a secret as an observation may; the toolbox masks those.
        List<ModelMessage> messages =
        [
            new SystemMessage(_redactor.Redact(_settings.Prompts.Load(PromptLibrary.System).Render(variables))),
            new UserMessage(_redactor.Redact(_settings.Prompts.Load(PromptLibrary.TaskTemplate(request.Task.Kind)).Render(variables))),
        ];
        var nudge = _settings.Prompts.Load(PromptLibrary.NoToolCall).Render(variables);
        await RecordStartAsync(transcript, messages, budget, cancellationToken).ConfigureAwait(false);

        var usage = AgentUsage.None;
        var steps = 0;
        var repliesWithoutToolCalls = 0;
        while (true)
        {
            if (ExceededLimit(budget, steps, usage, clock.Elapsed) is { } limit)
            {
                return await StopAsync(transcript, new AgentResult(limit, usage, steps), budget, cancellationToken).ConfigureAwait(false);
            }

            steps++;
            try
            {
                var reply = await QueryAsync(messages, toolbox.Definitions, budget.IdleTime, wallTime.Token).ConfigureAwait(false);
                usage = usage.Add(new AgentUsage(reply.InputTokens, reply.OutputTokens, _settings.Price?.CostOf(reply.InputTokens, reply.OutputTokens)));
                messages.Add(new AssistantMessage(reply.Text, reply.ToolCalls));
                await RecordReplyAsync(transcript, steps, reply, cancellationToken).ConfigureAwait(false);

                if (reply.ToolCalls.Count == 0)
                {
                    if (++repliesWithoutToolCalls >= _settings.MaxRepliesWithoutToolCalls)
                    {
                        var error = $"the model replied {repliesWithoutToolCalls} times in a row without calling a tool.";
                        return await StopAsync(transcript, new AgentResult(AgentStopReason.Error, usage, steps, Error: error), budget, cancellationToken)
                            .ConfigureAwait(false);
                    }

                    messages.Add(new UserMessage(nudge));
                    await transcript.AppendAsync(new TranscriptEntry(steps, "user", nudge), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                repliesWithoutToolCalls = 0;
                string? summary = null;
                foreach (var call in reply.ToolCalls)
                {
                    var observation = await toolbox.RunAsync(call, wallTime.Token).ConfigureAwait(false);
                    messages.Add(new ToolResultMessage(call.Id, call.Name, observation.Text, observation.IsError));
                    await transcript.AppendAsync(new TranscriptEntry(steps, "tool", observation.Text, call.Name), cancellationToken)
                        .ConfigureAwait(false);
                    summary ??= observation.FinishSummary;
                }

                if (summary is not null)
                {
                    return await StopAsync(transcript, new AgentResult(AgentStopReason.Finished, usage, steps, summary), budget, cancellationToken)
                        .ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not the caller: the wall-time budget ran out, or the model went silent for the idle limit.
                var reason = wallTime.IsCancellationRequested ? AgentStopReason.TimeLimit : AgentStopReason.IdleLimit;
                return await StopAsync(transcript, new AgentResult(reason, usage, steps), budget, cancellationToken).ConfigureAwait(false);
            }
            catch (NightshiftException exception)
            {
                await transcript.AppendAsync(new TranscriptEntry(steps, "harness", $"The run failed: {exception.Message}"), cancellationToken)
                    .ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Asks the model's endpoint whether it is up; see <see cref="IChatModel.ProbeEndpointAsync"/>.</summary>
    public Task<EndpointProbe> ProbeEndpointAsync(CancellationToken cancellationToken) =>
        _model.ProbeEndpointAsync(cancellationToken);

    public void Dispose() => _model.Dispose();

    /// <summary>One query, with the idle limit measured from the last sign of life (each streamed chunk).</summary>
    private async Task<ModelReply> QueryAsync(
        List<ModelMessage> messages, IReadOnlyList<ToolDefinition> tools, TimeSpan? idleTime, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Action? onProgress = null;
        if (idleTime is { } limit)
        {
            idle.CancelAfter(limit);
            onProgress = () => idle.CancelAfter(limit);
        }

        var request = new ModelRequest([.. messages], tools) { OnProgress = onProgress };
        return await _model.CompleteAsync(request, idle.Token).ConfigureAwait(false);
    }
}
