using Nightshift.Agents;
using Nightshift.Telemetry;

namespace Nightshift.Workloads.BurnDown;

/// <summary>Shows each tool call of a worker's agent in status.json as its "last tool call", as the agent makes it.</summary>
internal sealed class StatusTranscript(SessionTelemetry telemetry, int worker) : ITranscript
{
    private const int MaxLength = 120;

    public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.ToolName is { } tool)
        {
            var call = $"{tool} {entry.ToolArguments?.ReplaceLineEndings(" ")}".Trim();
            telemetry.Worker(worker, w => w with { LastToolCall = call.Length > MaxLength ? call[..MaxLength] + "…" : call });
        }

        return Task.CompletedTask;
    }
}
