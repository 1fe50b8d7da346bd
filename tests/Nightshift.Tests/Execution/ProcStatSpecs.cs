using Nightshift.Execution;

namespace Nightshift.Tests.Execution;

public sealed class ProcStatSpecs
{
    [Fact]
    public void A_command_name_with_spaces_and_parentheses_does_not_shift_the_fields()
    {
        const string Stat = "4242 (my (odd) name) S 17 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 3 0 987654 1000 200";

        var stat = ProcStat.Parse(Stat);

        stat.Should().Be(new ProcStat(4242, 'S', 17, 4242, 987654));
    }

    [Fact]
    public void This_process_can_be_read_and_is_alive()
    {
        var stat = ProcStat.TryRead(Environment.ProcessId);

        stat.Should().NotBeNull();
        stat!.Value.Pid.Should().Be(Environment.ProcessId);
        stat.Value.IsAlive.Should().BeTrue();
    }

    [Fact]
    public void A_garbled_line_is_no_process()
    {
        ProcStat.Parse("not a stat line").Should().BeNull();
    }

    [Fact]
    public void A_line_cut_before_the_start_time_is_no_process()
    {
        ProcStat.Parse("4242 (cut) S 17 4242 4242 0 -1 4194560").Should().BeNull();
    }

    [Fact]
    public void Reading_every_process_finds_this_one_as_it_reads_alone()
    {
        var alone = ProcStat.TryRead(Environment.ProcessId)!.Value;

        var found = ProcStat.ReadAll().Should().ContainSingle(process => process.Pid == Environment.ProcessId).Which;

        (found.ParentPid, found.GroupId, found.StartTime).Should().Be((alone.ParentPid, alone.GroupId, alone.StartTime));
    }
}
