using Nightshift.Execution;

namespace Nightshift.Agents.External.Output;

/// <summary>
/// Reads one run of an external agent's output, line by line, into transcript entries, and keeps what the
/// lines told about usage, steps and the agent's final word. One instance per run; lines arrive in order
/// from one thread. A line it does not understand is transcript text, never an error.
/// </summary>
internal interface IAgentOutputReader
{
    /// <summary>Tokens and cost so far (cost null until the tool reports one).</summary>
    AgentUsage Usage { get; }

    /// <summary>Steps (turns) so far; the tool's own final count when it gives one.</summary>
    int Steps { get; }

    /// <summary>The agent's closing message (its summary), when it gave one.</summary>
    string? FinalMessage { get; }

    /// <summary>A stop the tool itself reported in its output (ran out of turns, failed a turn), with its message.</summary>
    (AgentStopReason Reason, string Message)? ReportedStop { get; }

    IReadOnlyList<TranscriptEntry> Read(OutputLine line);
}

/// <summary>Creates the reader for a format.</summary>
internal static class AgentOutputReaders
{
    public static IAgentOutputReader For(AgentOutputFormat format) => format switch
    {
        AgentOutputFormat.ClaudeStreamJson => new ClaudeStreamJsonReader(),
        AgentOutputFormat.CodexJson => new CodexJsonReader(),
        AgentOutputFormat.Aider => new AiderOutputReader(),
        _ => new PlainTextReader(),
    };
}
