using System.Text.Json;
using Nightshift.Clustering;
using Nightshift.Diagnostics;
using Nightshift.Testing;
using Nightshift.Verification;
using static Nightshift.Tests.Verification.Builds;

namespace Nightshift.Tests.Verification;

public sealed class VerdictSpecs
{
    private static readonly VerdictFigures _figures = new(
        E0308,
        12,
        7,
        [new ClusterChange(E0308, 12, 7), new ClusterChange(new ClusterKey("python", Severity.Error, null, "name '{}' is not defined"), 0, 2)],
        20,
        17,
        15,
        12,
        new TestFigures(139, 140, 138, 140, 3, true, true, ["tests::racy"]),
        2,
        14);

    private static readonly RejectionReason[] _everyReason =
    [
        new RejectionReason.NoChange(),
        new RejectionReason.TargetNotReduced(E0308, 12, 12),
        new RejectionReason.ClusterGrew(E0599, 3, 5),
        new RejectionReason.NewCluster(new ClusterKey("python", Severity.Error, null, "name '{}' is not defined"), 1),
        new RejectionReason.ItemVanished("corpus/a.rs"),
        new RejectionReason.ProbeFailedSilently("(command)", 101),
        new RejectionReason.TestBroke("tests::doubles", TestOutcome.Failed, "assertion failed\n  left: 3"),
        new RejectionReason.TestBroke("tests::halves", null, null),
        new RejectionReason.TestsDidNotRun("'cargo test' ran longer than 30m (tests.timeout) and was stopped"),
        new RejectionReason.ProtectedPathChanged("tests/api.rs", "tests/**"),
        new RejectionReason.SuppressionAdded("src/lib.rs", 3, "#[allow(dead_code)]", "Rust allow/expect attribute"),
        new RejectionReason.DiffTooLarge(512, 400),
        new RejectionReason.BinaryContent("src/lib.rs"),
        new RejectionReason.SymlinkOutside("src/secrets", "../../../home/me/.ssh"),
        new RejectionReason.NoChange("the agent failed: 503"),
        new RejectionReason.BuildFailed("'cargo build' exited 101: error[E0308]: mismatched types"),
        new RejectionReason.StillCrashes("exits 101: thread 'main' panicked at src/handlers.rs:8:5"),
        new RejectionReason.TestsFailing("1 of 3 test(s) pass, 2 fail"),
        new RejectionReason.AgentFailed("InvalidOperationException: no model"),
        new RejectionReason.AgentTimedOut("the agent was still working when its time (1m) was up"),
        new RejectionReason.TamperedWith("check.sh (acceptance file) was created; notes.txt (protected) was modified"),
        new RejectionReason.AcceptanceFailed("sh check.sh exited with 3"),
    ];

    [Fact(Timeout = 10_000)]
    public async Task Every_reason_reads_as_one_sentence_with_its_figures()
    {
        _everyReason.Select(r => r.Message).Should().Equal(
            "the attempt changed nothing",
            "E0308 went 12 -> 12: the target did not shrink",
            "E0599 went 3 -> 5: a cluster other than the target grew",
            "\"name '{}' is not defined\" appeared with 1 diagnostic: a new cluster",
            "corpus/a.rs was probed before but not after: removing an item does not fix it",
            "the probe of (command) exited 101 without reporting an error: the attempt left it unmeasurable",
            "test tests::doubles passed at baseline and failed after: assertion failed",
            "test tests::halves passed at baseline and did not report after",
            "the tests did not run after the attempt: 'cargo test' ran longer than 30m (tests.timeout) and was stopped",
            "tests/api.rs changed: it is protected by 'tests/**'",
            "src/lib.rs:3 adds a suppression (Rust allow/expect attribute): #[allow(dead_code)]",
            "the diff changes 512 lines, more than the 400 allowed",
            "src/lib.rs became binary (a NUL byte or a binary attribute): the policy reads only text, so it rejects binary content",
            "src/secrets is a symbolic link to ../../../home/me/.ssh, outside the repository (or into .git): a fix may only link within it",
            "the attempt changed nothing (the agent failed: 503)",
            "the build failed: 'cargo build' exited 101: error[E0308]: mismatched types",
            "the repro still crashes: it exits 101: thread 'main' panicked at src/handlers.rs:8:5",
            "the tests must pass after the attempt, and they do not: 1 of 3 test(s) pass, 2 fail",
            "the agent failed: InvalidOperationException: no model",
            "the agent was still working when its time (1m) was up",
            "the agent tampered with the task: check.sh (acceptance file) was created; notes.txt (protected) was modified",
            "the acceptance failed: sh check.sh exited with 3");
        _everyReason.Select(r => r.GetType()).Distinct().Should().BeEquivalentTo(
            typeof(RejectionReason).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(RejectionReason))), "every kind of reason is covered");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_trailer_states_the_target_and_the_tests_after()
    {
        _figures.ToTrailer().Should().Be("Verified: rustc:error:E0308 12 -> 7; errors 15 -> 12; tests 138/140 (1 quarantined)");
        (_figures with { Tests = _figures.Tests! with { Quarantined = [] } }).ToTrailer()
            .Should().Be("Verified: rustc:error:E0308 12 -> 7; errors 15 -> 12; tests 138/140");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_rejection_round_trips_through_the_journal_json_with_every_reason_and_figure()
    {
        var verdict = new Verdict.Rejected(_figures, _everyReason);

        var json = VerdictJson.Serialize(verdict);
        var read = VerdictJson.Deserialize(json);

        read.Should().BeOfType<Verdict.Rejected>();
        read.Should().BeEquivalentTo(verdict, o => o.RespectingRuntimeTypes());
        read.Reasons.Should().Equal(_everyReason);
        VerdictJson.Serialize(read).Should().Be(json);
        json.Should().Contain("\"kind\":\"binary_content\"").And.Contain("\"kind\":\"symlink_outside\"");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_acceptance_round_trips_and_a_verdict_without_tests_too()
    {
        var verdict = new Verdict.Accepted(_figures with { Tests = null });

        var read = VerdictJson.Deserialize(VerdictJson.Serialize(verdict));

        read.Should().BeOfType<Verdict.Accepted>().Which.Figures.Should().BeEquivalentTo(verdict.Figures);
        read.Reasons.Should().BeEmpty();
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_journal_json_is_snake_case_with_named_variants_and_each_reasons_sentence()
    {
        var json = VerdictJson.Serialize(new Verdict.Rejected(_figures, [new RejectionReason.TargetNotReduced(E0308, 12, 12)]));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("verdict").GetString().Should().Be("rejected");
        root.GetProperty("figures").GetProperty("target_before").GetInt32().Should().Be(12);
        root.GetProperty("figures").GetProperty("target").GetProperty("severity").GetString().Should().Be("error");
        root.GetProperty("figures").GetProperty("tests").GetProperty("quarantined")[0].GetString().Should().Be("tests::racy");
        var reason = root.GetProperty("reasons")[0];
        reason.GetProperty("kind").GetString().Should().Be("target_not_reduced");
        reason.GetProperty("message").GetString().Should().Be("E0308 went 12 -> 12: the target did not shrink");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Json_with_its_fields_reordered_still_reads()
    {
        const string json = """
            {"reasons":[{"after":12,"before":12,"target":{"tool":"rustc","severity":"error","code":"E0308","template":null},
              "kind":"target_not_reduced"}],
             "figures":{"target":{"tool":"rustc","severity":"error","code":"E0308","template":null},"target_before":12,"target_after":12,
              "clusters":[],"diagnostics_before":12,"diagnostics_after":12,"errors_before":12,"errors_after":12,"tests":null,
              "files_changed":1,"diff_lines":2},
             "verdict":"rejected"}
            """;

        var verdict = VerdictJson.Deserialize(json);

        verdict.Reasons.Should().Equal(new RejectionReason.TargetNotReduced(E0308, 12, 12));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_rejection_needs_a_reason()
    {
        var act = () => new Verdict.Rejected(_figures, []);

        act.Should().Throw<ArgumentException>();
        await Task.CompletedTask;
    }
}
