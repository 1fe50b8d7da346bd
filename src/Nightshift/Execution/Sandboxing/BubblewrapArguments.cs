namespace Nightshift.Execution.Sandboxing;

/// <summary>The options bwrap gets before <c>--</c> and the program: the mounts of a <see cref="Confinement"/>, in order.</summary>
public static class BubblewrapArguments
{
    private const string PrivateTmp = "/tmp";

    /// <summary>True for a path under <c>/tmp</c>, which the sandbox's private <c>/tmp</c> hides unless it is bound again.</summary>
    public static bool IsHiddenByPrivateTmp(string path) =>
        Path.GetFullPath(path).StartsWith(PrivateTmp + "/", StringComparison.Ordinal);

    /// <remarks>
    /// No <c>--die-with-parent</c>: its PR_SET_PDEATHSIG is tied to the thread that forked bwrap, and .NET forks from pool
    /// threads that retire while a build is still running. The sandbox dies with its process group instead: the runner
    /// signals the group, and bwrap's new PID namespace takes everything inside with it. No <c>--new-session</c>: it
    /// would leave the runner's process group (setsid) and escape its SIGTERM/SIGKILL.
    /// </remarks>
    public static IReadOnlyList<string> For(Confinement confinement, string workingDirectory, bool network)
    {
        ArgumentNullException.ThrowIfNull(confinement);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        List<string> arguments =
        [
            "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            .. network ? Array.Empty<string>() : ["--unshare-net"],
            "--cap-drop", "ALL",

            // The whole machine read-only, then fresh /dev, /proc and a private /tmp over it.
            "--ro-bind", "/", "/",
            "--dev", "/dev",
            "--proc", "/proc",
            "--tmpfs", PrivateTmp,
        ];

        // After the tmpfs, so that what lies under /tmp (a test's repository, a worker's scratch folder) is the real thing:
        // first what is only read, then what is written (often inside it), then the git metadata over both.
        foreach (var path in confinement.Readable)
        {
            arguments.AddRange(["--ro-bind", path, path]);
        }

        foreach (var folder in confinement.Writable)
        {
            arguments.AddRange(["--bind", folder, folder]);
        }

        foreach (var path in confinement.Protected)
        {
            arguments.AddRange(["--ro-bind", path, path]);
        }

        arguments.AddRange(["--chdir", workingDirectory]);
        return arguments;
    }
}
