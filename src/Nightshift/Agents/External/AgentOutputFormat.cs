namespace Nightshift.Agents.External;

/// <summary>How a command agent's output is read into transcript entries, usage and steps.</summary>
public enum AgentOutputFormat
{
    /// <summary>Plain text: every line is a transcript entry; no usage.</summary>
    Text,

    /// <summary><c>claude -p --output-format stream-json --verbose</c>: one JSON event per line, a final result with cost and usage.</summary>
    ClaudeStreamJson,

    /// <summary><c>codex exec --json</c>: JSONL thread events, usage per completed turn.</summary>
    CodexJson,

    /// <summary>aider's console output, with its <c>Tokens: … Cost: $… session</c> lines.</summary>
    Aider,
}
