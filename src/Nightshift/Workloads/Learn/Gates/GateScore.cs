using Nightshift.Workloads.Learn.Evaluation;

namespace Nightshift.Workloads.Learn.Gates;

/// <summary>What the gate compares of one model: its eval's pass rate and repeat-error rate.</summary>
/// <param name="Model">The model or adapter; null for the agent as configured.</param>
/// <param name="PassRate">Passed runs over all runs.</param>
/// <param name="RepeatErrorRate">Failed runs still showing an error code fixed before, over failed runs.</param>
public sealed record GateScore(string? Model, double PassRate, double RepeatErrorRate)
{
    public static GateScore Of(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new GateScore(report.Model, report.PassRate, report.RepeatErrorRate);
    }
}
