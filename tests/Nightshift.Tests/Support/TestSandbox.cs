using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;

namespace Nightshift.Tests.Support;

/// <summary>
/// The sandbox this machine has (bubblewrap, chosen as <c>sandbox: auto</c> chooses it), for specs that run a probe, a
/// test suite or a koan outside the CLI: they run confined, as the CLI runs them.
/// </summary>
public static class TestSandbox
{
    private static readonly Lazy<Sandbox> _selected = new(
        () => SandboxSelector.SelectAsync(new SandboxConfig(), CancellationToken.None).GetAwaiter().GetResult());

    public static Sandbox.Bubblewrap Bubblewrap => _selected.Value as Sandbox.Bubblewrap
        ?? throw new InvalidOperationException($"These specs need bubblewrap (apt-get install bubblewrap): {_selected.Value.Description}");

    /// <summary>A runner whose confined commands run in <see cref="Bubblewrap"/>.</summary>
    public static ProcessRunner Runner() => new(Bubblewrap);
}
