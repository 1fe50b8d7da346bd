using Nightshift.Diagnostics;

namespace Nightshift.Agents.Local;

/// <summary>A diagnostic and the <see cref="CheckLedger"/> stamp of the check that reported it.</summary>
internal readonly record struct CheckedDiagnostic(Diagnostic Diagnostic, long CheckedAt);
