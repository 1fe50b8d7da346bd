using Nightshift.Diagnostics;

namespace Nightshift.Agents.Local;

/// <summary>One run of the checks: the files asked about, everything reported, and its stamp.</summary>
internal sealed record CheckOutcome(IReadOnlyList<string> Files, IReadOnlyList<Diagnostic> Diagnostics, CheckMeasure Measure, long CheckedAt);
