using System.Text.Json.Serialization;
using Nightshift.Clustering;

namespace Nightshift.Verification;

/// <summary>A cluster whose count differs between the baseline and the attempt (0 before: new; 0 after: gone).</summary>
public sealed record ClusterChange(ClusterKey Key, int Before, int After)
{
    [JsonIgnore]
    public int Delta => After - Before;
}
