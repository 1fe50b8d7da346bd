namespace Nightshift.Workloads.Learn.Gates;

/// <summary>One rule of the gate, and how the candidate fared: <see cref="Detail"/> gives the figures either way.</summary>
public sealed record GateCheck(string Rule, bool Passed, string Detail);
