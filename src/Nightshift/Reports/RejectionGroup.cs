namespace Nightshift.Reports;

/// <summary>
/// Rejected attempts that share one of the verifier's reason kinds. An attempt rejected for two reasons is
/// in two groups, so the groups can add up to more than the rejected attempts.
/// </summary>
/// <param name="Reason">The reason kind, e.g. tests_failed; "unspecified" when the verdict gave none.</param>
/// <param name="Attempts">How many rejected attempts gave this reason.</param>
/// <param name="Examples">Up to three distinct texts of this reason, as the verifier wrote them.</param>
public sealed record RejectionGroup(string Reason, int Attempts, IReadOnlyList<string> Examples);
