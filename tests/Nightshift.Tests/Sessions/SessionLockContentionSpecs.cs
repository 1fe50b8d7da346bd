using System.Diagnostics;
using System.Globalization;
using Nightshift.Sessions;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Sessions;

/// <summary>The session lock between real processes: the dummy's <c>hold-lock</c> mode takes the real SessionLock.</summary>
public sealed class SessionLockContentionSpecs : IDisposable
{
    private readonly TempDir _repo = new("lock");

    private string NightshiftDirectory => _repo[".nightshift"];

    [Fact(Timeout = 60_000)]
    public async Task Of_two_processes_contending_for_the_lock_exactly_one_proceeds_and_the_other_exits_3_naming_it()
    {
        using var first = LockHolderProcess.Start(_repo.Path);
        using var second = LockHolderProcess.Start(_repo.Path);

        var refused = await await Task.WhenAny(first.WaitForExitAsync(), second.WaitForExitAsync());
        var holder = refused == first ? second : first;

        (await holder.ReadLineAsync()).Should().Be($"locked {holder.Id}");
        holder.HasExited.Should().BeFalse();
        var (refusedOut, refusedErr) = await refused.ReadOutputAsync();
        refused.ExitCode.Should().Be(ExitCodes.Locked);
        refusedOut.Should().NotContain("locked");
        var record = SessionLock.ReadHolder(NightshiftFolder.Of(NightshiftDirectory));
        record.IsHeld.Should().BeTrue();
        record.Holder!.ProcessId.Should().Be(holder.Id);
        refusedErr.Should().Contain($"pid {holder.Id}").And.Contain(record.Holder.StartedAtText);
    }

    [Fact(Timeout = 60_000)]
    public async Task After_the_holder_is_killed_with_sigkill_the_next_process_gets_the_lock_with_no_manual_step()
    {
        using var killed = LockHolderProcess.Start(_repo.Path);
        (await killed.ReadLineAsync()).Should().Be($"locked {killed.Id}");
        await killed.KillAsync();
        var stale = SessionLock.ReadHolder(NightshiftFolder.Of(NightshiftDirectory));
        stale.Holder!.ProcessId.Should().Be(killed.Id);
        stale.IsHeld.Should().BeFalse();

        using var next = LockHolderProcess.Start(_repo.Path);

        (await next.ReadLineAsync()).Should().Be($"locked {next.Id}");
        var record = SessionLock.ReadHolder(NightshiftFolder.Of(NightshiftDirectory));
        record.IsHeld.Should().BeTrue();
        record.Holder!.ProcessId.Should().Be(next.Id);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_child_the_holder_started_does_not_keep_the_lock_after_the_holder_dies()
    {
        using var holder = LockHolderProcess.Start(_repo.Path, 30, "sleep", "30");
        (await holder.ReadLineAsync()).Should().Be($"locked {holder.Id}");
        var childLine = await holder.ReadLineAsync();
        childLine.Should().StartWith("child ");
        using var child = Process.GetProcessById(int.Parse(childLine!["child ".Length..], CultureInfo.InvariantCulture));
        try
        {
            // Death, not Dispose: an explicit LOCK_UN would release the lock even for a child that
            // inherited the descriptor, so only an unclean end shows whether the child holds it.
            await holder.KillAsync();

            using var next = LockHolderProcess.Start(_repo.Path);

            (await next.ReadLineAsync()).Should().Be($"locked {next.Id}");
            child.HasExited.Should().BeFalse("the child must outlive its parent for this test to mean anything");
        }
        finally
        {
            child.Kill();
        }
    }

    public void Dispose() => _repo.Dispose();
}
