using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Sessions;
using Nightshift.Store;

namespace Nightshift.Cli.Commands;

/// <summary>
/// What a command that writes the journal holds while it runs: the repository's session lock (a night writes the
/// same journal, and two writers would race), the journal, and the runner for the configured sandbox.
/// </summary>
internal sealed class LockedJournal(NightshiftPaths paths, SessionLock sessionLock, Journal journal, ProcessRunner runner) : IAsyncDisposable
{
    public NightshiftPaths Paths { get; } = paths;

    public Journal Journal { get; } = journal;

    public ProcessRunner Runner { get; } = runner;

    /// <summary>Creates the runner, then takes the lock for <paramref name="purpose"/> and opens the journal.</summary>
    public static async Task<LockedJournal> OpenAsync(NightshiftConfig config, CliHost host, string purpose, CancellationToken cancellationToken)
    {
        var runner = await SandboxedRunner.CreateAsync(config.Sandbox, host, cancellationToken);
        var paths = NightshiftPaths.For(config.RepositoryRoot);
        var sessionLock = SessionLock.Acquire(paths, purpose);
        try
        {
            return new LockedJournal(paths, sessionLock, Journal.Open(paths.Journal), runner);
        }
        catch
        {
            sessionLock.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync();
        sessionLock.Dispose();
    }
}
