using System.Text;
using Nightshift.Configuration;

namespace Nightshift.Workloads.BurnDown;

/// <summary>The verifier's policy in words, one rule per line, for the agent's prompt: what will be checked, not advice.</summary>
internal static class PolicyWords
{
    public static string Describe(PolicyConfig policy)
    {
        var text = new StringBuilder();
        text.Append("- The target cluster must have fewer diagnostics afterwards than now.\n");
        text.Append(policy.ClusterTolerance == 0
            ? "- No other cluster may grow, and no new kind of diagnostic may appear.\n"
            : $"- No other cluster may grow by more than {policy.ClusterTolerance}, and no new cluster may exceed that size.\n");
        text.Append("- Every test that passes now must still pass.\n");
        if (policy.Protected.Count > 0)
        {
            text.Append("- These files may not be changed: ").Append(string.Join(", ", policy.Protected)).Append('\n');
        }

        if (policy.ForbidSuppressions)
        {
            text.Append("- Silencing a diagnostic (#[allow(...)], #pragma warning disable, # noqa) is rejected; fix the code.\n");
        }

        text.Append($"- The diff may add and remove at most {policy.MaxDiffLines} lines in all.");
        return text.ToString();
    }
}
