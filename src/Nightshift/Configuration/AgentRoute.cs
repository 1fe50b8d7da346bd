namespace Nightshift.Configuration;

/// <summary>
/// One route of <c>agent.routes</c> (<c>E0382|E0499|E0502: borrow</c>): the tasks of a family go to their own model or
/// adapter. A task is in the route's family when one of its names is among <see cref="Matches"/>: a cluster's code
/// (<c>E0382</c>) or key (<c>rustc:error:E0382</c>), a koan's category (<c>borrow</c>), a crash's kind (<c>panic</c>).
/// </summary>
/// <param name="Matches">The codes, keys or family names of the route, as written between the <c>|</c>.</param>
/// <param name="Model">The model or adapter name the endpoint knows; it also names the family in episodes and datasets.</param>
public sealed record AgentRoute(IReadOnlyList<string> Matches, string Model)
{
    /// <summary>The route's key as written in nightshift.yml.</summary>
    public string Key => string.Join('|', Matches);

    /// <summary>The first route of <paramref name="routes"/> that one of <paramref name="names"/> matches (case-sensitive, as codes are); null when none does.</summary>
    public static AgentRoute? For(IReadOnlyList<AgentRoute> routes, params IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var known = names.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return routes.FirstOrDefault(route => route.Matches.Any(known.Contains));
    }
}
