using System.Globalization;

namespace Nightshift.Workloads.Learn;

/// <summary>How the learn workload writes figures for people (gate reasons, summaries).</summary>
public static class LearnFormat
{
    /// <summary>A share as a percentage with one decimal and no space: 0.75 → 75.0%.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
