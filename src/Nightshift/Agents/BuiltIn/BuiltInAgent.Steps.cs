using System.Globalization;
using Microsoft.Extensions.AI;
using Nightshift.Agents.Providers;
using Nightshift.Agents.Tools;

namespace Nightshift.Agents.BuiltIn;

public sealed partial class BuiltInAgent
{
    /// <summary>The first limit the run has reached, checked before each query; null while none is.</summary>
    private static AgentStopReason? ExceededLimit(AgentBudget budget, int steps, AgentUsage usage, TimeSpan elapsed)
    {
        if (steps >= budget.MaxSteps)
        {
            return AgentStopReason.StepLimit;
        }

        if (usage.TotalTokens >= budget.MaxTokens)
        {
            return AgentStopReason.TokenLimit;
        }

        if (usage.CostUsd >= budget.MaxCostUsd)
        {
            return AgentStopReason.CostLimit;
        }

        return elapsed >= budget.WallTime ? AgentStopReason.TimeLimit : null;
    }

    /// <summary>What the query cost; a client that reports no usage counts as none.</summary>
    private AgentUsage UsageOf(ChatResponse reply)
    {
        var tokensIn = reply.Usage?.InputTokenCount ?? 0;
        var tokensOut = reply.Usage?.OutputTokenCount ?? 0;
        return new AgentUsage(tokensIn, tokensOut, _settings.Price?.CostOf(tokensIn, tokensOut));
    }

    /// <summary>The reply as the conversation keeps it: its text, if any, and its calls as they can be sent back.</summary>
    private static ChatMessage AssistantMessage(string text, List<FunctionCallContent> calls)
    {
        var message = new ChatMessage(ChatRole.Assistant, [.. calls.Select(ToolCallJson.Sendable)]);
        if (text.Length > 0)
        {
            message.Contents.Insert(0, new TextContent(text));
        }

        return message;
    }

    /// <summary>An observation as the call's result; a failed call carries its error as Microsoft.Extensions.AI marks one.</summary>
    private static FunctionResultContent ResultOf(FunctionCallContent call, ToolObservation observation) =>
        new(call.CallId, observation.Text) { Exception = observation.IsError ? new ToolException(observation.Text) : null };

    private async Task RecordStartAsync(
        RedactingTranscript transcript, List<ChatMessage> messages, AgentBudget budget, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await transcript.AppendAsync(new TranscriptEntry(1, message.Role.Value, message.Text), cancellationToken).ConfigureAwait(false);
        }

        if (budget.MaxCostUsd is not null && _settings.Price is null)
        {
            await transcript.AppendAsync(
                new TranscriptEntry(1, "harness", "The budget has a cost limit, but no price is configured (agent.price), so cost is not measured and the limit cannot apply."),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task RecordReplyAsync(
        RedactingTranscript transcript, int step, string text, List<FunctionCallContent> calls, CancellationToken cancellationToken)
    {
        // A reply that only calls tools has no text worth an entry; its calls follow.
        if (text.Length > 0 || calls.Count == 0)
        {
            await transcript.AppendAsync(new TranscriptEntry(step, "assistant", text), cancellationToken).ConfigureAwait(false);
        }

        foreach (var call in calls)
        {
            // Arguments the client could not read are not kept: the observation says what was wrong with them.
            var arguments = call.Exception is null ? ToolCallJson.Arguments(call) : null;
            await transcript.AppendAsync(
                new TranscriptEntry(step, "assistant", $"calls {call.Name} ({call.CallId})", call.Name, arguments),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<AgentResult> StopAsync(
        RedactingTranscript transcript, AgentResult result, AgentBudget budget, CancellationToken cancellationToken)
    {
        var why = result.StopReason switch
        {
            AgentStopReason.Finished => "the agent called finish",
            AgentStopReason.StepLimit => $"the step limit ({budget.MaxSteps}) is reached",
            AgentStopReason.TokenLimit => $"the token limit ({budget.MaxTokens}) is reached",
            AgentStopReason.CostLimit => $"the cost limit (${budget.MaxCostUsd}) is reached",
            AgentStopReason.TimeLimit => $"the wall-time limit ({budget.WallTime}) is reached",
            AgentStopReason.IdleLimit => $"the model was silent for the idle limit ({budget.IdleTime})",
            _ => result.Error ?? "the run failed",
        };
        var usage = result.Usage;
        var cost = usage.CostUsd is { } dollars ? string.Create(CultureInfo.InvariantCulture, $", ${dollars:0.####}") : "";
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"Stopped ({result.StopReason}): {why}, after {result.Steps} step(s), {usage.TokensIn} tokens in, {usage.TokensOut} out{cost}.");
        await transcript.AppendAsync(new TranscriptEntry(Math.Max(1, result.Steps), "harness", note), cancellationToken).ConfigureAwait(false);
        return result;
    }
}
