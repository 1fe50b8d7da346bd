namespace Nightshift.Execution.Sandboxing;

/// <summary>
/// Code from a worktree was about to run and there is no sandbox to run it in (exit code 2): Nightshift refuses
/// rather than run agent-written code as the user with the user's environment.
/// </summary>
public sealed class SandboxUnavailableException(string reason)
    : NightshiftException(
        $"no sandbox to run the repository's commands in: {reason}. Nightshift runs code the agent wrote (build scripts, tests), " +
        "so it confines it with bubblewrap: install it (Debian/Ubuntu: sudo apt-get install bubblewrap; Fedora: sudo dnf install bubblewrap; " +
        "Arch: sudo pacman -S bubblewrap), or set 'sandbox: off' in nightshift.yml to run those commands unconfined, as you.")
{
    public string Reason { get; } = reason;

    public override int ExitCode => ExitCodes.UsageOrConfig;
}
