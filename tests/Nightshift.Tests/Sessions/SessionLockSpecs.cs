using System.Text.Json;
using Nightshift.Sessions;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Sessions;

public sealed class SessionLockSpecs : IDisposable
{
    private readonly TempDir _repo = new("lock");

    private string NightshiftDirectory => _repo[".nightshift"];

    [Fact(Timeout = 30_000)]
    public async Task A_second_acquire_in_the_same_process_is_refused_like_any_other_holder()
    {
        await Task.Yield();
        using var first = SessionLock.Acquire(NightshiftFolder.Of(NightshiftDirectory), "run");

        var refusal = FluentActions.Invoking(() => SessionLock.Acquire(NightshiftFolder.Of(NightshiftDirectory), "bench"))
            .Should().Throw<LockHeldException>().Which;

        refusal.ExitCode.Should().Be(ExitCodes.Locked);
        refusal.Holder.Should().Be(first.Holder);
        refusal.Holder!.ProcessId.Should().Be(Environment.ProcessId);
        refusal.Message.Should().Contain($"pid {Environment.ProcessId}")
            .And.Contain(first.Holder.StartedAtText)
            .And.Contain("'run'")
            .And.Contain(Path.Combine(NightshiftDirectory, "lock"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Disposing_the_lock_lets_the_next_session_acquire_it()
    {
        await Task.Yield();
        SessionLock.Acquire(NightshiftFolder.Of(NightshiftDirectory), "run").Dispose();

        using var next = SessionLock.Acquire(NightshiftFolder.Of(NightshiftDirectory), "bench");

        next.Holder.Purpose.Should().Be("bench");
        SessionLock.ReadHolder(NightshiftFolder.Of(NightshiftDirectory)).Holder.Should().Be(next.Holder);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_lock_file_records_pid_host_start_and_purpose_as_json()
    {
        await Task.Yield();
        LockHolder holder;
        using (var sessionLock = SessionLock.Acquire(NightshiftFolder.Of(NightshiftDirectory), "run"))
        {
            holder = sessionLock.Holder;
        }

        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(NightshiftDirectory, "lock")));

        record.RootElement.GetProperty("pid").GetInt32().Should().Be(Environment.ProcessId);
        record.RootElement.GetProperty("host").GetString().Should().Be(Environment.MachineName);
        record.RootElement.GetProperty("startedAt").GetString().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
            .And.Be(holder.StartedAtText);
        record.RootElement.GetProperty("purpose").GetString().Should().Be("run");
        holder.StartedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
    }

    [Fact(Timeout = 30_000)]
    public async Task Reading_the_holder_reports_the_record_and_that_it_is_held_without_releasing_it()
    {
        await Task.Yield();
        using var held = SessionLock.Acquire(NightshiftFolder.Of(NightshiftDirectory), "run");

        var status = SessionLock.ReadHolder(NightshiftFolder.Of(NightshiftDirectory));

        status.IsHeld.Should().BeTrue();
        status.Holder.Should().Be(held.Holder);
        // An fcntl lock would have been dropped when the probe closed its descriptor.
        FluentActions.Invoking(() => SessionLock.Acquire(NightshiftFolder.Of(NightshiftDirectory), "run")).Should().Throw<LockHeldException>();
    }

    [Fact(Timeout = 30_000)]
    public async Task After_release_the_record_remains_as_the_last_holder_but_is_not_held()
    {
        await Task.Yield();
        LockHolder last;
        using (var sessionLock = SessionLock.Acquire(NightshiftFolder.Of(NightshiftDirectory), "run"))
        {
            last = sessionLock.Holder;
        }

        var status = SessionLock.ReadHolder(NightshiftFolder.Of(NightshiftDirectory));

        status.IsHeld.Should().BeFalse();
        status.Holder.Should().Be(last);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_repository_never_locked_has_no_holder()
    {
        await Task.Yield();

        var status = SessionLock.ReadHolder(NightshiftFolder.Of(NightshiftDirectory));

        status.Should().Be(new LockStatus(Path.Combine(NightshiftDirectory, "lock"), Holder: null, IsHeld: false));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_lock_file_with_garbage_in_it_does_not_block_and_is_overwritten()
    {
        await Task.Yield();
        _repo.Write(".nightshift/lock", "not a record");
        SessionLock.ReadHolder(NightshiftFolder.Of(NightshiftDirectory)).Holder.Should().BeNull();

        using var sessionLock = SessionLock.Acquire(NightshiftFolder.Of(NightshiftDirectory), "run");

        SessionLock.ReadHolder(NightshiftFolder.Of(NightshiftDirectory)).Holder.Should().Be(sessionLock.Holder);
    }

    public void Dispose() => _repo.Dispose();
}
