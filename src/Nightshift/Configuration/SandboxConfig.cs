namespace Nightshift.Configuration;

/// <summary>
/// How commands that may run code from a worktree are confined (<c>sandbox</c>): the probe, the build, the tests,
/// the agent's checks, crash repros and bench acceptance. <c>sandbox: off</c> is short for <c>sandbox: { mode: off }</c>.
/// </summary>
public sealed record SandboxConfig
{
    public SandboxMode Mode { get; init; } = SandboxMode.Auto;

    /// <summary><see cref="Mode"/> as nightshift.yml spells it.</summary>
    public string ModeName => Reading.WireNames.Name(Mode);

    /// <summary>Whether confined commands may use the network (<c>sandbox.network</c>); off by default.</summary>
    public bool Network { get; init; }

    /// <summary>Names of further variables passed into the sandbox (<c>sandbox.env</c>); secret-looking names never are.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>The bubblewrap program: a name looked up on PATH, or a path (<c>sandbox.bubblewrap</c>).</summary>
    public string Bubblewrap { get; init; } = "bwrap";
}

/// <summary><c>sandbox.mode</c>: auto (bubblewrap when it works), bubblewrap (required), off (unconfined).</summary>
public enum SandboxMode
{
    Auto,
    Bubblewrap,
    Off,
}
