namespace Nightshift.Workloads.Learn.Evaluation;

/// <summary>An eval of one agent (and model) on the frozen eval set.</summary>
/// <param name="Model">The model or adapter evaluated; null for the agent as configured.</param>
/// <param name="Agent">The agent's provider name.</param>
/// <param name="EvalSetHash">Which eval set: only evals of the same set are compared.</param>
/// <param name="Repeats">Runs per koan.</param>
/// <param name="SessionId">The eval's session in the journal.</param>
/// <param name="Runs">Every run, by koan then repeat.</param>
/// <param name="FixedBefore">Error codes fixed in earlier non-eval episodes (see <see cref="EvalMetrics"/>).</param>
public sealed record EvalReport(
    string? Model,
    string Agent,
    string EvalSetHash,
    int Repeats,
    long SessionId,
    IReadOnlyList<EvalRun> Runs,
    IReadOnlySet<string> FixedBefore)
{
    public double PassRate => EvalMetrics.PassRate([.. Runs]);

    public double? MeanStepsToGreen => EvalMetrics.MeanStepsToGreen([.. Runs]);

    public double RepeatErrorRate => EvalMetrics.RepeatErrorRate([.. Runs], FixedBefore);

    /// <summary>The pass rate of each koan family, ordered by family.</summary>
    public IReadOnlyList<FamilyScore> Families => FamilyScore.Of(Runs);
}
