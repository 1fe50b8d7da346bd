using System.Globalization;
using System.Text.RegularExpressions;
using Nightshift.Execution;

namespace Nightshift.Agents.External.Output;

/// <summary>
/// aider's console output: plain text, one step per model reply, usage from its summary lines
/// (<c>Tokens: 2.1k sent, 1.0k cache write, 92 received. Cost: $0.0093 message, $0.02 session.</c>).
/// Tokens add up message by message; the cost is the session's, as aider counts it.
/// </summary>
internal sealed partial class AiderOutputReader : IAgentOutputReader
{
    private long _tokensIn;
    private long _tokensOut;
    private decimal? _cost;
    private int _replies;
    private bool _tokensSeenForReply;

    public AgentUsage Usage => new(_tokensIn, _tokensOut, _cost);

    public int Steps => Math.Max(_replies, 1);

    public string? FinalMessage => null;

    public (AgentStopReason Reason, string Message)? ReportedStop => null;

    public IReadOnlyList<TranscriptEntry> Read(OutputLine line)
    {
        var tokens = line.Channel == OutputChannel.StandardOutput ? TokensLine().Match(line.Text) : Match.Empty;
        var cost = line.Channel == OutputChannel.StandardOutput ? CostLine().Match(line.Text) : Match.Empty;
        if (!tokens.Success && !cost.Success)
        {
            return [OutputText.Plain(_replies + 1, line)];
        }

        // aider prints its usage once per reply, the token counts and the cost on one line or two.
        if (tokens.Success || !_tokensSeenForReply)
        {
            _replies++;
        }

        _tokensSeenForReply = tokens.Success;
        if (tokens.Success)
        {
            _tokensIn += Count(tokens.Groups["sent"].Value);
            foreach (Capture cache in tokens.Groups["cache"].Captures)
            {
                _tokensIn += Count(cache.Value);
            }

            _tokensOut += Count(tokens.Groups["received"].Value);
        }

        if (cost.Success)
        {
            _cost = decimal.Parse(cost.Groups["session"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
            _tokensSeenForReply = false;
        }

        return [new TranscriptEntry(_replies, "harness", line.Text)];
    }

    /// <summary>"92", "2.1k", "1.3M", as aider abbreviates them.</summary>
    private static long Count(string text)
    {
        var scale = text[^1] switch
        {
            'k' or 'K' => 1_000m,
            'M' or 'm' => 1_000_000m,
            _ => 1m,
        };
        var digits = scale == 1m ? text : text[..^1];
        return decimal.TryParse(digits.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? (long)Math.Round(value * scale)
            : 0;
    }

    [GeneratedRegex(@"^\s*Tokens:\s*(?<sent>[\d.,]+[kKmM]?) sent(?:,\s*(?<cache>[\d.,]+[kKmM]?) cache (?:write|hit))*,\s*(?<received>[\d.,]+[kKmM]?) received")]
    private static partial Regex TokensLine();

    [GeneratedRegex(@"Cost:\s*\$(?<message>[\d.,]+) message,\s*\$(?<session>[\d.,]+) session")]
    private static partial Regex CostLine();
}
