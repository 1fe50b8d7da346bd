using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>A crash journaled and waiting for its pipeline: its task, what was parsed, and the copy of the report kept under .nightshift/.</summary>
/// <param name="TaskId">The journal's task (kind crash, keyed by the signature).</param>
/// <param name="Analysis">The parsed crash.</param>
/// <param name="ReportPath">The report as it was taken, kept under <c>.nightshift/crash-watch/reports/</c> (<c>{crash}</c> of the repro).</param>
/// <param name="SourceFile">The watched file it came from.</param>
public sealed record CrashJob(long TaskId, CrashAnalysis Analysis, string ReportPath, string SourceFile)
{
    public string Signature => Analysis.Signature.Value;
}
