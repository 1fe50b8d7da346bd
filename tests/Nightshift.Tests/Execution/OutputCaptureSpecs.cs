using Nightshift.Execution;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Execution;

public sealed class OutputCaptureSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task A_100_MB_flood_is_capped_to_its_head_and_tail()
    {
        var spec = CommandSpec.Of(Binaries.Dummy, "flood", "100") with { OutputLimit = 100_000 };

        var result = await new ProcessRunner().RunAsync(spec);

        result.ExitCode.Should().Be(0);
        result.OutputTruncated.Should().BeTrue();
        result.StandardOutput.Length.Should().BeLessThanOrEqualTo(100_000 + 100);
        result.StandardOutput.Should().StartWith("flood start\n").And.EndWith("flood end\n");
        result.StandardOutput.Should().MatchRegex(@"\n… \[\d{9} characters omitted\] …\n");
    }

    [Fact]
    public void Output_within_the_limit_is_kept_whole()
    {
        var capture = new OutputCapture(10);

        capture.Append("0123");
        capture.Append("456789");

        capture.ToString().Should().Be("0123456789");
        capture.Truncated.Should().BeFalse();
    }

    [Fact]
    public void A_short_output_under_a_large_limit_costs_its_own_size_not_the_limit()
    {
        // A corpus probe allows 16 million characters per step; allocating that up front for every step was most of
        // the probe's own CPU time (issue 17).
        var before = GC.GetAllocatedBytesForCurrentThread();

        var capture = new OutputCapture(16_000_000);
        capture.Append("error[E0308]: mismatched types\n");
        var text = capture.ToString();

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(100_000);
        text.Should().Be("error[E0308]: mismatched types\n");
    }

    [Fact]
    public void Output_past_the_limit_keeps_head_and_tail_and_counts_what_was_left_out()
    {
        var capture = new OutputCapture(10);

        capture.Append("0123456789ABCDEFGHIJ");

        capture.ToString().Should().Be("01234\n… [10 characters omitted] …\nFGHIJ");
        capture.Truncated.Should().BeTrue();
    }

    [Fact]
    public void The_tail_is_the_same_whatever_the_chunk_sizes()
    {
        var text = string.Concat(Enumerable.Range(0, 5_000).Select(i => (char)('a' + (i % 26))));
        var whole = new OutputCapture(1_000);
        var pieces = new OutputCapture(1_000);
        var random = new Random(7);

        whole.Append(text);
        for (var offset = 0; offset < text.Length;)
        {
            var length = Math.Min(random.Next(1, 700), text.Length - offset);
            pieces.Append(text.AsSpan(offset, length));
            offset += length;
        }

        pieces.ToString().Should().Be(whole.ToString()).And.EndWith(text[^500..]);
    }

    [Fact]
    public void Cuts_fall_on_line_breaks_when_one_is_near()
    {
        var capture = new OutputCapture(200);
        var lines = Enumerable.Range(1, 100).Select(i => $"line {i}").ToList();

        capture.Append(string.Concat(lines.Select(line => line + "\n")));

        var kept = capture.ToString().TrimEnd('\n').Split('\n');
        kept.Should().Contain(line => line.Contains("characters omitted", StringComparison.Ordinal));
        kept.Where(line => !line.Contains("characters omitted", StringComparison.Ordinal))
            .Should().OnlyContain(line => lines.Contains(line));
        kept[0].Should().Be("line 1");
        kept[^1].Should().Be("line 100");
    }
}
