using Nightshift.Workloads.Learn.Datasets;

namespace Nightshift.Tests.Learn;

public sealed class NearDuplicatesSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Whitespace_and_numbers_do_not_tell_two_examples_apart()
    {
        await Task.Yield();
        var duplicates = new NearDuplicates(0.9);

        duplicates.TryAdd("error[E0308]: mismatched types\n --> src/lib.rs:3:5\n let x: i32 = \"a\";").Should().BeTrue();
        duplicates.TryAdd("error[E0308]:   mismatched types\n\t--> src/lib.rs:41:17\n   let x: i32 = \"a\";").Should().BeFalse();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_different_fix_is_a_different_example()
    {
        await Task.Yield();
        var duplicates = new NearDuplicates(0.9);

        duplicates.TryAdd("-    self.members[0]\n+    self.members[0].clone()").Should().BeTrue();
        duplicates.TryAdd("-    self.members[0]\n+    self.members[0].to_string()").Should().BeTrue();
    }

    [Fact(Timeout = 10_000)]
    public async Task Jaccard_is_shared_shingles_over_all_shingles()
    {
        await Task.Yield();
        // Six tokens make two shingles: {a b c d e} and {b c d e f}; the second text shares the first.
        var a = NearDuplicates.Shingles("a b c d e f");
        var b = NearDuplicates.Shingles("a b c d e g");

        a.Should().HaveCount(2);
        NearDuplicates.Jaccard(a, b).Should().BeApproximately(1.0 / 3, 1e-12);
        NearDuplicates.Jaccard(a, a).Should().Be(1);
        NearDuplicates.Jaccard(a, NearDuplicates.Shingles("x y z w v u")).Should().Be(0);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_threshold_decides()
    {
        await Task.Yield();
        var strict = new NearDuplicates(0.3);
        var lenient = new NearDuplicates(0.5);

        strict.TryAdd("a b c d e f").Should().BeTrue();
        strict.TryAdd("a b c d e g").Should().BeFalse("1/3 reaches 0.3");
        lenient.TryAdd("a b c d e f").Should().BeTrue();
        lenient.TryAdd("a b c d e g").Should().BeTrue("1/3 is below 0.5");
    }
}
