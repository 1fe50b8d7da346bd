using Nightshift.Execution;

namespace Nightshift.Agents.External.Output;

/// <summary>Any command: each line is an entry of the run's single step; nothing is known about usage.</summary>
internal sealed class PlainTextReader : IAgentOutputReader
{
    public AgentUsage Usage => AgentUsage.None;

    public int Steps => 1;

    public string? FinalMessage => null;

    public (AgentStopReason Reason, string Message)? ReportedStop => null;

    public IReadOnlyList<TranscriptEntry> Read(OutputLine line) => [OutputText.Plain(1, line)];
}
