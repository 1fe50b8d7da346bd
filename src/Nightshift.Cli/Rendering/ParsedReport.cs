using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Cli.Rendering;

/// <summary>One file given to <c>nightshift crash parse</c>: its path as the user gave it, and what it parsed to (null: no known format).</summary>
internal sealed record ParsedReport(string File, CrashAnalysis? Analysis, OwnCode OwnCode);
