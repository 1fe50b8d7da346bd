using System.Text;
using Nightshift.Sessions;

namespace Nightshift.Tests.Sessions;

public sealed class LockHolderSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task A_record_survives_a_round_trip_through_its_json()
    {
        await Task.Yield();
        var holder = new LockHolder(1234, "build-01", new DateTimeOffset(2026, 11, 22, 3, 12, 0, TimeSpan.Zero), "run");

        var json = holder.ToJson();

        Encoding.UTF8.GetString(json).Trim()
            .Should().Be("""{"pid":1234,"host":"build-01","startedAt":"2026-11-22T03:12:00Z","purpose":"run"}""");
        LockHolder.Parse(json).Should().Be(holder);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("not json")]
    [InlineData("""{"pid":1234,"host":"h","startedAt":"2026-11-22T03:12:00Z","purp""")]
    [InlineData("""{"pid":"1234","host":"h","startedAt":"2026-11-22T03:12:00Z","purpose":"run"}""")]
    [InlineData("""{"host":"h","startedAt":"2026-11-22T03:12:00Z","purpose":"run"}""")]
    [InlineData("""{"pid":1234,"host":"h","startedAt":20261122,"purpose":"run"}""")]
    [InlineData("""{"pid":1234,"host":"h","startedAt":"yesterday","purpose":"run"}""")]
    [InlineData("[1,2]")]
    public async Task Anything_but_a_complete_record_reads_as_no_holder(string content)
    {
        await Task.Yield();
        LockHolder.Parse(Encoding.UTF8.GetBytes(content)).Should().BeNull();
    }

    [Fact(Timeout = 10_000)]
    public async Task The_start_time_is_recorded_to_the_second_in_utc()
    {
        await Task.Yield();
        var holder = LockHolder.ForCurrentProcess("run");

        holder.StartedAt.Offset.Should().Be(TimeSpan.Zero);
        (holder.StartedAt.Ticks % TimeSpan.TicksPerSecond).Should().Be(0);
        holder.ProcessId.Should().Be(Environment.ProcessId);
    }
}
