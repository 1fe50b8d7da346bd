using Nightshift.Testing;

namespace Nightshift.Tests.Diagnostics;

public sealed class CargoTestParserSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Results_of_every_test_binary_and_the_doc_tests_are_read()
    {
        var results = new CargoTestParser().Parse(Fixture.Read("cargo/test.txt"), exitCode: 101);

        results.Select(r => (r.Name, r.Outcome)).Should().Equal(
            ("tests::it_adds_big_numbers", TestOutcome.Skipped),
            ("tests::it_adds", TestOutcome.Passed),
            ("tests::it_halves_even_numbers", TestOutcome.Passed),
            ("tests::it_halves_odd_numbers_up", TestOutcome.Failed),
            ("add_handles_everything", TestOutcome.Skipped),
            ("add_is_commutative", TestOutcome.Passed),
            ("add_overflows_loudly", TestOutcome.Passed),
            ("src/lib.rs - add (line 3)", TestOutcome.Passed),
            ("src/lib.rs - halve (line 12)", TestOutcome.Failed));
        results.Count(r => r.Outcome == TestOutcome.Passed).Should().Be(5);
        results.Count(r => r.Outcome == TestOutcome.Failed).Should().Be(2);
        results.Count(r => r.Outcome == TestOutcome.Skipped).Should().Be(2);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_failed_test_carries_its_panic_and_an_ignored_one_its_reason()
    {
        var results = new CargoTestParser().Parse(Fixture.Read("cargo/test.txt"), exitCode: 101);

        var failed = results.Single(r => r.Name == "tests::it_halves_odd_numbers_up");
        failed.Message.Should().Contain("panicked at src/lib.rs:30:9").And.Contain("left: 3");
        failed.Message.Should().NotContain("test result:");
        results.Single(r => r.Name == "src/lib.rs - halve (line 12)").Message.Should().Contain("Test executable failed");
        results[0].Message.Should().Be("slow");
        results.Should().OnlyContain(r => r.Duration == null);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Tests_that_did_not_build_are_a_failure_not_an_empty_pass()
    {
        const string output = """
            error[E0425]: cannot find value `x` in this scope
             --> src/lib.rs:3:9
            error: could not compile `tested` (lib test) due to 1 previous error
            """;

        var results = new CargoTestParser().Parse(output, exitCode: 101);

        results.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Name = TestResults.ExitCodeName, Outcome = TestOutcome.Failed });
        results[0].Message.Should().Contain("101");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Reported_times_are_durations()
    {
        var results = new CargoTestParser().Parse("test a::b ... ok <0.250s>\ntest a::c ... FAILED <1.5s>\n", exitCode: 101);

        results.Select(r => r.Duration).Should().Equal(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1.5));
        await Task.CompletedTask;
    }
}
