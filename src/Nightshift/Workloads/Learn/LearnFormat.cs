using System.Globalization;

namespace Nightshift.Workloads.Learn;

/// <summary>How the learn workload writes figures for people (gate reasons, summaries).</summary>
public static class LearnFormat
{
    /// <summary>A share as a percentage with one decimal and no space: 0.75 → 75.0%.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// A difference of two shares in percentage points with one decimal, signed unless <paramref name="withSign"/> is false:
    /// 0.25 → +25.0 pp, -0.5 → -50.0 pp, 0 → 0.0 pp.
    /// </summary>
    public static string Points(double difference, bool withSign = true) =>
        (difference * 100).ToString(withSign ? "+0.0;-0.0;0.0" : "0.0", CultureInfo.InvariantCulture) + " pp";
}
