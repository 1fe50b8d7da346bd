namespace Nightshift.Store;

/// <summary>Which episodes to read; null matches everything. <see cref="Since"/> is inclusive, <see cref="Until"/> exclusive.</summary>
public sealed record EpisodeQuery(
    string? Workload = null,
    string? Outcome = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null)
{
    public static EpisodeQuery All { get; } = new();
}
