using Nightshift.Configuration;

namespace Nightshift.Execution.Sandboxing;

/// <summary>
/// Chooses the sandbox a command line runs with, once, from <c>sandbox</c> in nightshift.yml: <c>off</c> is
/// <see cref="Sandbox.Off"/>; <c>auto</c> and <c>bubblewrap</c> find bwrap and prove it works by running a trivial
/// command confined exactly as a build would be, else <see cref="Sandbox.Unavailable"/> with the reason.
/// </summary>
public static class SandboxSelector
{
    private static readonly TimeSpan _probeTimeout = TimeSpan.FromSeconds(30);

    public static async Task<Sandbox> SelectAsync(SandboxConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Mode == SandboxMode.Off)
        {
            return new Sandbox.Off();
        }

        if (!OperatingSystem.IsLinux())
        {
            return new Sandbox.Unavailable("bubblewrap confines commands on Linux only, and this is not Linux");
        }

        string executable;
        try
        {
            executable = ExecutableLocator.Resolve(config.Bubblewrap, Environment.CurrentDirectory, Environment.GetEnvironmentVariable("PATH"));
        }
        catch (CommandStartException e)
        {
            return new Sandbox.Unavailable($"bubblewrap is not installed: {e.Message}");
        }

        var plain = new ProcessRunner(Sandbox.None);
        var version = await plain.RunAsync(CommandSpec.Of(executable, "--version") with { Timeout = _probeTimeout }, cancellationToken)
            .ConfigureAwait(false);
        if (!version.Succeeded)
        {
            return new Sandbox.Unavailable($"'{executable} --version' {Failure(version)}");
        }

        var candidate = new Sandbox.Bubblewrap(executable, version.StandardOutput.Trim(), config.Network, config.Env);
        return await ProbeAsync(candidate, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <c>true</c> confined to a fresh folder; the candidate when it exits 0, else why it did not.</summary>
    private static async Task<Sandbox> ProbeAsync(Sandbox.Bubblewrap candidate, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("nightshift-sandbox-probe-");
        try
        {
            var spec = CommandSpec.Of("true") with
            {
                WorkingDirectory = scratch.FullName,
                Timeout = _probeTimeout,
                Confinement = Confinement.Of(scratch.FullName),
            };
            var result = await new ProcessRunner(candidate).RunAsync(spec, cancellationToken).ConfigureAwait(false);
            return result.Succeeded
                ? candidate
                : new Sandbox.Unavailable($"{candidate.Executable} cannot create a sandbox here: a trivial command {Failure(result)}");
        }
        catch (CommandStartException e)
        {
            return new Sandbox.Unavailable($"{candidate.Executable} cannot create a sandbox here: {e.Message}");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string Failure(CommandResult result) =>
        $"exited {result.ExitCode} ({result.StopCause}): {(result.StandardError.Trim() is { Length: > 0 } error ? error : result.StandardOutput.Trim())}";
}
