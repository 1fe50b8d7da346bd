using System.Collections.Concurrent;
using Nightshift.Execution;

namespace Nightshift.Probing;

/// <summary>
/// What each step program says to <c>--version</c>, asked once per probe run: a new compiler changes every
/// result, so its version is part of every cache key. Asked per run, not per process, so that upgrading the
/// toolchain between two runs of a long-lived session is noticed.
/// </summary>
internal sealed class ToolVersions(ProcessRunner runner, string root)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _versions = new(StringComparer.Ordinal);

    /// <summary>The fingerprint of <paramref name="program"/>: its exit code and everything it printed.</summary>
    public Task<string> OfAsync(string program, CancellationToken cancellationToken) =>
        _versions.GetOrAdd(program, p => new Lazy<Task<string>>(() => AskAsync(p, cancellationToken))).Value;

    private async Task<string> AskAsync(string program, CancellationToken cancellationToken)
    {
        // A program named per item ({item}, {work}) has no single version; its template stands for it.
        if (program.Contains('{', StringComparison.Ordinal))
        {
            return $"template {program}";
        }

        try
        {
            var spec = CommandSpec.Of(program, "--version") with { WorkingDirectory = root, Timeout = _timeout, GracePeriod = TimeSpan.FromSeconds(1) };
            var result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return $"exit {result.ExitCode} ({result.StopCause})\n{result.StandardOutput}\n{result.StandardError}";
        }
        catch (CommandStartException e)
        {
            // The items will fail with this message, and those results are not cached; any fingerprint will do.
            return $"cannot start: {e.Message}";
        }
    }
}
