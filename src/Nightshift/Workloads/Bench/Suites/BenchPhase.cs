namespace Nightshift.Workloads.Bench.Suites;

/// <summary>
/// One phase of a suite's timeline: the tasks of some levels, repeated, within a time budget. Once the
/// budget is used the phase starts no more runs (those in flight finish) and the next phase begins.
/// </summary>
/// <param name="Name">For progress and reports; the levels joined when not given.</param>
/// <param name="Levels">The task levels this phase runs.</param>
/// <param name="Repeat">Runs per task and agent.</param>
/// <param name="Budget">Wall-clock time after which the phase starts no more runs; null for none.</param>
public sealed record BenchPhase(string Name, IReadOnlyList<string> Levels, int Repeat, TimeSpan? Budget);
