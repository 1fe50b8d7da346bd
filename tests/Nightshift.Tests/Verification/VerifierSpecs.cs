using Nightshift.Clustering;
using Nightshift.Diagnostics;
using Nightshift.Probing;
using Nightshift.Testing;
using Nightshift.Verification;
using static Nightshift.Tests.Verification.Builds;

namespace Nightshift.Tests.Verification;

public sealed class VerifierSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task A_fix_that_shrinks_the_target_and_breaks_nothing_is_accepted_with_its_figures()
    {
        var input = Good(await Diffs.SourceFixAsync());

        var verdict = Verifier.Decide(input);

        verdict.Should().BeOfType<Verdict.Accepted>();
        verdict.Reasons.Should().BeEmpty();
        verdict.Figures.Should().BeEquivalentTo(new
        {
            Target = E0308,
            TargetBefore = 12,
            TargetAfter = 7,
            Clusters = new[] { new ClusterChange(E0308, 12, 7) },
            DiagnosticsBefore = 15,
            DiagnosticsAfter = 10,
            ErrorsBefore = 15,
            ErrorsAfter = 10,
            Tests = new { PassedBefore = 3, TotalBefore = 3, PassedAfter = 3, TotalAfter = 3, RunsBefore = 1, RanAfter = true },
            FilesChanged = 1,
            DiffLines = 2,
        });
        verdict.Figures.ToTrailer().Should().Be("Verified: rustc:error:E0308 12 -> 7; errors 15 -> 10; tests 3/3");
    }

    [Theory(Timeout = 60_000)]
    [InlineData(12, 12)]
    [InlineData(12, 13)]
    [InlineData(0, 0)]
    public async Task A_target_that_does_not_shrink_is_rejected(int before, int after)
    {
        var input = Good(await Diffs.SourceFixAsync()) with
        {
            Before = Snapshot((E0308, before), (E0599, 3)),
            After = Snapshot((E0308, after), (E0599, 3)),
        };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Should().ContainSingle().Which.Should().Be(new RejectionReason.TargetNotReduced(E0308, before, after));
        verdict.Reasons[0].Message.Should().Be($"E0308 went {before} -> {after}: the target did not shrink");
    }

    [Fact(Timeout = 60_000)]
    public async Task Another_cluster_that_grows_is_rejected_with_its_counts()
    {
        var input = Good(await Diffs.SourceFixAsync()) with { After = Snapshot((E0308, 7), (E0599, 5)) };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Should().ContainSingle().Which.Should().Be(new RejectionReason.ClusterGrew(E0599, 3, 5));
        verdict.Figures.Clusters.Should().Equal(new ClusterChange(E0308, 12, 7), new ClusterChange(E0599, 3, 5));
    }

    [Fact(Timeout = 60_000)]
    public async Task Trading_the_target_errors_for_a_new_cluster_is_rejected()
    {
        // The fourth example: E0308 goes away because every call now fails with E0277.
        var input = Good(await Diffs.SourceFixAsync()) with { After = Snapshot((E0308, 0), (E0599, 3), (E0277, 12)) };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Should().ContainSingle().Which.Should().Be(new RejectionReason.NewCluster(E0277, 12));
        verdict.Figures.TargetAfter.Should().Be(0);
        verdict.Figures.Clusters.Should().Equal(new ClusterChange(E0308, 12, 0), new ClusterChange(E0277, 0, 12));
    }

    [Fact(Timeout = 60_000)]
    public async Task Errors_turned_into_warnings_are_a_new_cluster_not_a_fix()
    {
        var warning = E0308 with { Severity = Severity.Warning };
        var input = Good(await Diffs.SourceFixAsync()) with { After = Snapshot((E0308, 7), (E0599, 3), (warning, 5)) };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Should().ContainSingle().Which.Should().Be(new RejectionReason.NewCluster(warning, 5));
        verdict.Reasons[0].Message.Should().Be("E0308 (warning) appeared with 5 diagnostics: a new cluster");
    }

    [Fact(Timeout = 60_000)]
    public async Task Warnings_a_fix_reveals_are_allowed_and_stated()
    {
        // rustc runs its lints only once type checking succeeds: fixing E0308 reveals unused variables that were there all along.
        var unused = new ClusterKey("rustc", Severity.Warning, "unused_variables", null);
        var unusedMut = new ClusterKey("rustc", Severity.Warning, "unused_mut", null);
        var input = Good(await Diffs.SourceFixAsync()) with
        {
            Before = Snapshot((E0308, 12), (E0599, 3), (unusedMut, 1)),
            After = Snapshot((E0308, 0), (E0599, 3), (unused, 10), (unusedMut, 2)),
        };

        var verdict = Verifier.Decide(input);

        verdict.IsAccepted.Should().BeTrue();
        verdict.Figures.Revealed.Should().Equal(new ClusterChange(unused, 0, 10), new ClusterChange(unusedMut, 1, 2));
        verdict.Figures.Verified.Should().Be(
            "rustc:error:E0308 12 -> 0; errors 15 -> 3; revealed: unused_variables 10, unused_mut 1 -> 2; tests 3/3");
    }

    [Fact(Timeout = 60_000)]
    public async Task New_warnings_reject_holds_warnings_to_the_rule_for_errors()
    {
        var unused = new ClusterKey("rustc", Severity.Warning, "unused_variables", null);
        var input = Good(await Diffs.SourceFixAsync()) with { After = Snapshot((E0308, 0), (E0599, 3), (unused, 10)) };
        input = input with { Policy = input.Policy! with { NewWarnings = Nightshift.Configuration.NewWarnings.Reject } };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Should().ContainSingle().Which.Should().Be(new RejectionReason.NewCluster(unused, 10));
        verdict.Figures.Revealed.Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task Errors_stay_strict_whatever_warnings_may_do()
    {
        var unused = new ClusterKey("rustc", Severity.Warning, "unused_variables", null);
        var input = Good(await Diffs.SourceFixAsync()) with { After = Snapshot((E0308, 0), (E0599, 4), (unused, 10)) };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Should().ContainSingle().Which.Should().Be(new RejectionReason.ClusterGrew(E0599, 3, 4));
        verdict.Figures.Revealed.Should().Equal(new ClusterChange(unused, 0, 10));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(0, 1, 0, false)]
    [InlineData(1, 1, 0, true)]
    [InlineData(1, 2, 0, false)]
    [InlineData(1, 0, 1, true)]
    [InlineData(1, 0, 2, false)]
    [InlineData(2, 2, 2, true)]
    public async Task The_cluster_tolerance_bounds_growth_and_new_clusters_per_cluster(int tolerance, int grown, int newCount, bool accepted)
    {
        var input = Good(await Diffs.SourceFixAsync()) with
        {
            After = Snapshot((E0308, 7), (E0599, 3 + grown), (E0277, newCount)),
        };
        input = input with { Policy = input.Policy! with { ClusterTolerance = tolerance } };

        Verifier.Decide(input).IsAccepted.Should().Be(accepted);
    }

    [Fact(Timeout = 60_000)]
    public async Task Clusters_that_shrink_besides_the_target_are_recorded_and_welcome()
    {
        var input = Good(await Diffs.SourceFixAsync()) with { After = Snapshot((E0308, 7), (E0599, 1)) };

        var verdict = Verifier.Decide(input);

        verdict.IsAccepted.Should().BeTrue();
        verdict.Figures.Clusters.Should().Equal(new ClusterChange(E0308, 12, 7), new ClusterChange(E0599, 3, 1));
    }

    [Fact(Timeout = 60_000)]
    public async Task Removing_errors_by_adding_an_allow_attribute_is_rejected_as_a_suppression()
    {
        // The second example: a denied lint "fixed" by allowing it.
        var lint = new ClusterKey("rustc", Severity.Error, "unused_variables", null);
        var input = Good(await Diffs.AllowAddedAsync()) with
        {
            Target = lint,
            Before = Snapshot((lint, 5), (E0599, 3)),
            After = Snapshot((E0599, 3)),
        };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Should().ContainSingle().Which.Should().Be(new RejectionReason.SuppressionAdded(
            "src/lib.rs", 1, "#![allow(unused_variables)]", "Rust allow/expect attribute"));
        verdict.Figures.TargetAfter.Should().Be(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task Editing_a_protected_test_file_is_rejected_even_when_everything_else_holds()
    {
        // The third example.
        var verdict = Verifier.Decide(Good(await Diffs.TestEditedAsync()));

        verdict.Reasons.Should().ContainSingle().Which.Should().Be(new RejectionReason.ProtectedPathChanged("tests/api.rs", "tests/**"));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_empty_diff_is_no_change()
    {
        var verdict = Verifier.Decide(Good("") with { After = Snapshot((E0308, 12), (E0599, 3)) });

        verdict.Reasons.Should().Equal(new RejectionReason.NoChange(), new RejectionReason.TargetNotReduced(E0308, 12, 12));
        verdict.Figures.FilesChanged.Should().Be(0);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_broken_rule_is_a_reason_not_just_the_first()
    {
        var input = Good(await Diffs.TestEditedAsync()) with
        {
            After = Snapshot((E0308, 12), (E0599, 4), (E0277, 1)),
            TestsAfter = Suite(("tests::adds", TestOutcome.Failed), ("tests::doubles", TestOutcome.Passed)),
        };
        input = input with { Policy = input.Policy! with { MaxDiffLines = 1 } };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Select(r => r.GetType().Name).Should().Equal(
            "TargetNotReduced", "NewCluster", "ClusterGrew", "TestBroke", "TestBroke", "ProtectedPathChanged", "DiffTooLarge");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_item_that_vanished_or_fails_without_an_error_hides_diagnostics_and_is_rejected()
    {
        var before = new Snapshot(
        [
            Item("corpus/a.rs", 101, (E0308, 2)),
            Item("corpus/b.rs", 101, (E0308, 2)),
            Item("corpus/c.rs", 0),
            Item("corpus/d.rs", 137),
        ]);
        var after = new Snapshot(
        [
            Item("corpus/b.rs", 101, (E0308, 1)),
            Item("corpus/c.rs", 101),
            Item("corpus/d.rs", 137),
        ]);

        var verdict = Verifier.Decide(Good(await Diffs.SourceFixAsync()) with { Before = before, After = after });

        verdict.Reasons.Should().Equal(
            new RejectionReason.ItemVanished("corpus/a.rs"),
            new RejectionReason.ProbeFailedSilently("corpus/c.rs", 101));
        verdict.Figures.TargetAfter.Should().Be(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task Test_results_before_without_after_are_a_programming_error()
    {
        var input = Good(await Diffs.SourceFixAsync()) with { TestsAfter = null };

        var act = () => Verifier.Decide(input);

        act.Should().Throw<ArgumentException>();
    }

    private static ItemResult Item(string name, int exitCode, params (ClusterKey Key, int Count)[] clusters) =>
        new(name, [.. Builds.Diagnostics(clusters).Select(d => d with { Item = name })], exitCode, false, TimeSpan.FromSeconds(1));
}
