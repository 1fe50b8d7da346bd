using Nightshift.Clustering;
using Nightshift.Diagnostics;

namespace Nightshift.Verification;

/// <summary>How a verdict's sentences name a cluster: by its code as people say it ("E0308").</summary>
internal static class ClusterNames
{
    /// <summary>
    /// The code, or the quoted message template when the tool gives none; anything but an error
    /// says its severity, since an error and a warning with one code are different clusters.
    /// </summary>
    public static string Short(ClusterKey key)
    {
        var name = key.Code ?? $"\"{key.Template}\"";
        return key.Severity == Severity.Error ? name : $"{name} ({key.Severity.ToString().ToLowerInvariant()})";
    }
}
