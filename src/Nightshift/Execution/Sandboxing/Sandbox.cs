namespace Nightshift.Execution.Sandboxing;

/// <summary>
/// What confines the commands that may run code from a worktree (issue 14): <see cref="Bubblewrap"/>,
/// <see cref="Off"/> (the user chose to run them unconfined) or <see cref="Unavailable"/> (nothing to confine them
/// with, so they must not run). Chosen once per command line by <see cref="SandboxSelector"/> and given to the
/// <see cref="ProcessRunner"/>, which applies it to every <see cref="CommandSpec"/> with a
/// <see cref="CommandSpec.Confinement"/>.
/// </summary>
public abstract record Sandbox
{
    private Sandbox()
    {
    }

    /// <summary>What a runner made without a sandbox has: a confined command refuses to run.</summary>
    public static Sandbox None { get; } = new Unavailable("no sandbox was chosen for this command");

    /// <summary>The wire name, as the journal and the JSON report write it: bubblewrap, off, unavailable.</summary>
    public abstract string Name { get; }

    /// <summary>One line for people: "bubblewrap 0.8.0 (/usr/bin/bwrap), network off" or "off (commands ran unconfined)".</summary>
    public abstract string Description { get; }

    /// <summary>
    /// The command that runs <paramref name="spec"/> (whose program resolved to <paramref name="executable"/>) inside
    /// <paramref name="confinement"/>, started in <paramref name="workingDirectory"/>; its program is an absolute path.
    /// </summary>
    /// <exception cref="SandboxUnavailableException">There is no sandbox and the user did not turn it off.</exception>
    internal abstract CommandSpec Confine(CommandSpec spec, Confinement confinement, string executable, string workingDirectory);

    /// <summary>
    /// bubblewrap (<c>bwrap</c>, <see href="https://github.com/containers/bubblewrap"/>), as Claude Code and Codex confine
    /// their agents: a read-only view of the machine, the <see cref="Confinement"/>'s folders writable, a private
    /// <c>/tmp</c>, <c>/dev</c> and <c>/proc</c>, no capabilities, no network unless <paramref name="Network"/>, and a
    /// scrubbed environment (<see cref="SandboxEnvironment"/>).
    /// </summary>
    /// <param name="Executable">The absolute path of bwrap.</param>
    /// <param name="Version">What <c>bwrap --version</c> printed.</param>
    /// <param name="Network">Whether confined commands keep the network (<c>sandbox.network</c>).</param>
    /// <param name="PassedVariables">Variable names passed in beyond the allow-list (<c>sandbox.env</c>).</param>
    public sealed record Bubblewrap(string Executable, string Version, bool Network, IReadOnlyList<string> PassedVariables) : Sandbox
    {
        public override string Name => "bubblewrap";

        public override string Description => $"{Version} ({Executable}), network {(Network ? "on" : "off")}";

        internal override CommandSpec Confine(CommandSpec spec, Confinement confinement, string executable, string workingDirectory) =>
            spec with
            {
                FileName = Executable,
                Arguments = [.. BubblewrapArguments.For(WithProgram(confinement, executable), workingDirectory, Network), "--", executable, .. spec.Arguments],
                Environment = SandboxEnvironment.Scrub(SandboxEnvironment.Inherited(), spec.Environment, PassedVariables),
            };

        // The program was found outside the sandbox; one that lives under /tmp (a checkout or a tool unpacked there)
        // would be hidden by the private /tmp, so its folder is made readable inside.
        private static Confinement WithProgram(Confinement confinement, string executable) =>
            BubblewrapArguments.IsHiddenByPrivateTmp(executable) ? confinement.Reading(Path.GetDirectoryName(executable)!) : confinement;
    }

    /// <summary><c>sandbox: off</c>: confined commands run as every other command does, as the user, unconfined.</summary>
    public sealed record Off : Sandbox
    {
        public override string Name => "off";

        public override string Description => "off (commands ran unconfined)";

        internal override CommandSpec Confine(CommandSpec spec, Confinement confinement, string executable, string workingDirectory) =>
            spec with { FileName = executable };
    }

    /// <summary>No sandbox works here, and <c>sandbox: off</c> was not set: <paramref name="Reason"/> says why.</summary>
    public sealed record Unavailable(string Reason) : Sandbox
    {
        public override string Name => "unavailable";

        public override string Description => $"unavailable ({Reason})";

        internal override CommandSpec Confine(CommandSpec spec, Confinement confinement, string executable, string workingDirectory) =>
            throw new SandboxUnavailableException(Reason);
    }
}
