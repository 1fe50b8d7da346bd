namespace Nightshift.Reports;

/// <summary>What one agent did in the session and what it cost, from its journaled attempts.</summary>
public sealed record AgentUsage(
    string Agent,
    int Attempts,
    int Landed,
    int Rejected,
    int Abandoned,
    long TokensIn,
    long TokensOut,
    decimal CostUsd);
