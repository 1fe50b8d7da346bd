namespace Nightshift.Probing;

/// <summary>How one cluster's count changed between two snapshots (0 on the side where it is absent).</summary>
public sealed record ClusterDelta(string Key, string Tool, string? Code, string Severity, int Before, int After)
{
    public int Delta => After - Before;

    /// <summary>Absent before, present after.</summary>
    public bool IsNew => Before == 0 && After > 0;

    /// <summary>Present before, absent after.</summary>
    public bool IsVanished => Before > 0 && After == 0;
}
