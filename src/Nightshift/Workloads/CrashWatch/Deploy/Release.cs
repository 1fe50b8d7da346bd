namespace Nightshift.Workloads.CrashWatch.Deploy;

/// <summary>
/// One build of the service that can be started: a folder holding the sources of one commit and what the build made of
/// them. The first release of a session is the repository itself, as the user built and runs it.
/// </summary>
/// <param name="Name">The ticket of the fix it holds (<c>NS-0042</c>), or <see cref="RepositoryName"/>.</param>
/// <param name="Directory">Where the service is started from.</param>
public sealed record Release(string Name, string Directory)
{
    public const string RepositoryName = "repository";

    /// <summary>The user's checkout: never deleted, never written by Nightshift.</summary>
    public bool IsRepository => Name == RepositoryName;

    public static Release Repository(string repositoryRoot) => new(RepositoryName, Path.GetFullPath(repositoryRoot));
}
