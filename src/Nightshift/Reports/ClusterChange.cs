namespace Nightshift.Reports;

/// <summary>One cluster's diagnostic count in the session's first snapshot and in its last (0 when absent).</summary>
/// <param name="Key">The cluster key, e.g. rustc:error:E0308.</param>
/// <param name="Tool">The tool that reported it.</param>
/// <param name="Code">The tool's code; null when clustered by message.</param>
/// <param name="Severity">error, warning, ...</param>
/// <param name="Before">Count in the first snapshot.</param>
/// <param name="After">Count in the last snapshot.</param>
public sealed record ClusterChange(string Key, string Tool, string? Code, string Severity, int Before, int After)
{
    public int Change => After - Before;

    /// <summary>The share of <see cref="Before"/> fixed (negative when it grew); null for a cluster that was not there before.</summary>
    public double? Reduction => Before == 0 ? null : (Before - After) / (double)Before;
}
