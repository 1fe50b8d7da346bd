using System.Diagnostics;
using Microsoft.Extensions.AI;
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
/// The model is any <see cref="IChatClient"/>; the loop is ours: it runs the tools, counts the steps and
/// enforces the budget itself. The agent owns its client and disposes it.
/// </summary>
public sealed partial class BuiltInAgent : IAgent, IDisposable
{
    private readonly IChatClient _client;
    private readonly BuiltInAgentSettings _settings;
    private readonly ProcessRunner _runner;
    private readonly Redactor _redactor;

    /// <param name="client">
    /// The model. <see cref="Create"/> makes the configured provider's (<see cref="ChatClients"/>: any OpenAI-compatible
    /// endpoint, or Anthropic, with Nightshift's retries, circuit breaker and endpoint probe). Any other
    /// <see cref="IChatClient"/> plugs in here as it is: Ollama's, Azure OpenAI's, a local ONNX model's, wrapped in the
    /// caller's own middleware if it likes. Its failures end the run as it throws them. Give it without
    /// <c>FunctionInvokingChatClient</c>: the agent runs the tool calls itself, and a client that ran them first would
    /// take them from under the step count, the budget and the transcript.
    /// </param>
    /// <param name="settings">Prompts, price, limits and masking of the loop.</param>
    /// <param name="runner">Runs git for apply_patch; a new runner by default.</param>
    public BuiltInAgent(IChatClient client, BuiltInAgentSettings? settings = null, ProcessRunner? runner = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _settings = settings ?? new BuiltInAgentSettings();
        _runner = runner ?? new ProcessRunner();
        _redactor = _settings.Redactor;
    }

    /// <summary>The client's provider (openai, anthropic, or what a user's client calls itself).</summary>
    public string Name => _client.GetService<ChatClientMetadata>()?.ProviderName ?? "chat-client";

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
        var variables = TaskPrompt.Variables(request.Task, budget);
        var clock = Stopwatch.StartNew();
        using var wallTime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (budget.WallTime is { } wall)
        {
            wallTime.CancelAfter(wall);
        }

        // The task carries source excerpts, which may hold a secret as an observation may; the toolbox masks those.
        List<ChatMessage> messages =
        [
            new(ChatRole.System, _redactor.Redact(_settings.Prompts.Load(PromptLibrary.System).Render(variables))),
            new(ChatRole.User, _redactor.Redact(_settings.Prompts.Load(PromptLibrary.TaskTemplate(request.Task.Kind)).Render(variables))),
        ];
        var options = new ChatOptions { Tools = [.. toolbox.Definitions], MaxOutputTokens = _settings.MaxOutputTokens };
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
                var reply = await QueryAsync(messages, options, budget.IdleTime, wallTime.Token).ConfigureAwait(false);
                var calls = reply.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>().ToList();
                usage = usage.Add(UsageOf(reply));
                messages.Add(AssistantMessage(reply.Text, calls));
                await RecordReplyAsync(transcript, steps, reply.Text, calls, cancellationToken).ConfigureAwait(false);

                if (calls.Count == 0)
                {
                    if (++repliesWithoutToolCalls >= _settings.MaxRepliesWithoutToolCalls)
                    {
                        var error = $"the model replied {repliesWithoutToolCalls} times in a row without calling a tool.";
                        return await StopAsync(transcript, new AgentResult(AgentStopReason.Error, usage, steps, Error: error), budget, cancellationToken)
                            .ConfigureAwait(false);
                    }

                    messages.Add(new ChatMessage(ChatRole.User, nudge));
                    await transcript.AppendAsync(new TranscriptEntry(steps, "user", nudge), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                repliesWithoutToolCalls = 0;
                string? summary = null;
                var results = new ChatMessage(ChatRole.Tool, []);
                messages.Add(results);
                foreach (var call in calls)
                {
                    var observation = await toolbox.RunAsync(call, wallTime.Token).ConfigureAwait(false);
                    results.Contents.Add(ResultOf(call, observation));
                    await transcript.AppendAsync(new TranscriptEntry(steps, "tool", observation.Text, call.Name), cancellationToken)
                        .ConfigureAwait(false);
                    summary ??= observation.FinishSummary;
                }

                if (summary is not null)
                {
                    return await StopAsync(transcript, new AgentResult(AgentStopReason.Finished, usage, steps, summary) { SummaryIsOwn = true }, budget, cancellationToken)
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

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// One query, with the idle limit measured from the last sign of life: each streamed update when
    /// <see cref="BuiltInAgentSettings.Streaming"/>, else the whole answer.
    /// </summary>
    private async Task<ChatResponse> QueryAsync(
        List<ChatMessage> messages, ChatOptions options, TimeSpan? idleTime, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (idleTime is { } limit)
        {
            idle.CancelAfter(limit);
        }

        if (!_settings.Streaming)
        {
            return await _client.GetResponseAsync(messages, options, idle.Token).ConfigureAwait(false);
        }

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _client.GetStreamingResponseAsync(messages, options, idle.Token).ConfigureAwait(false))
        {
            if (idleTime is { } silence)
            {
                idle.CancelAfter(silence);
            }

            updates.Add(update);
        }

        return updates.ToChatResponse();
    }
}
