using Nightshift.Telemetry;

namespace Nightshift.Tests.Telemetry;

public sealed class EtaEstimateSpecs
{
    private static readonly DateTimeOffset _start = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan _budget = TimeSpan.FromHours(8);

    [Fact(Timeout = 10_000)]
    public async Task The_eta_is_unknown_until_a_cluster_lands()
    {
        await Task.Yield();
        EtaEstimate.Estimate(_start, _start.AddHours(1), _budget, landed: 0, remaining: 4).Should().BeNull();
    }

    [Fact(Timeout = 10_000)]
    public async Task The_eta_is_the_time_per_landed_cluster_times_the_clusters_remaining()
    {
        await Task.Yield();
        var now = _start.AddHours(2);

        EtaEstimate.Estimate(_start, now, _budget, landed: 4, remaining: 3).Should().Be(now.AddMinutes(90));
    }

    [Fact(Timeout = 10_000)]
    public async Task The_eta_never_passes_the_end_of_the_time_budget()
    {
        await Task.Yield();
        EtaEstimate.Estimate(_start, _start.AddHours(2), _budget, landed: 1, remaining: 50).Should().Be(_start + _budget);
        EtaEstimate.Estimate(_start, _start.AddHours(1), _budget, landed: 1, remaining: int.MaxValue).Should().Be(_start + _budget);
        EtaEstimate.Estimate(_start, _start.AddHours(9), _budget, landed: 3, remaining: 2).Should().Be(_start.AddHours(9));
    }

    [Fact(Timeout = 10_000)]
    public async Task With_nothing_remaining_the_work_ends_now()
    {
        await Task.Yield();
        EtaEstimate.Estimate(_start, _start.AddHours(3), _budget, landed: 5, remaining: 0).Should().Be(_start.AddHours(3));
    }
}
