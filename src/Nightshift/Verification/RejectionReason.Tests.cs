using System.Text.Json.Serialization;
using Nightshift.Testing;

namespace Nightshift.Verification;

[JsonDerivedType(typeof(TestsFailing), "tests_failing")]
public abstract partial record RejectionReason
{
    /// <summary>
    /// A test that passed in every baseline run is not passing after: <paramref name="After"/> is its
    /// outcome then (failed in any run, or skipped), null when it did not report at all. The test named
    /// <see cref="TestResults.ExitCodeName"/> is the suite as a whole: it exited 0 in every baseline run.
    /// </summary>
    public sealed record TestBroke(string Test, TestOutcome? After, string? Detail) : RejectionReason
    {
        public override string Message
        {
            get
            {
                var what = After switch
                {
                    TestOutcome.Failed => "failed",
                    TestOutcome.Skipped => "was skipped",
                    _ => "did not report",
                };
                var subject = Test == TestResults.ExitCodeName ? "the test command" : $"test {Test}";
                return $"{subject} passed at baseline and {what} after{Sentences.Detail(Detail)}";
            }
        }
    }

    /// <summary>The tests ran at baseline but could not run after the attempt (no build, no results, timeout).</summary>
    public sealed record TestsDidNotRun(string Why) : RejectionReason
    {
        public override string Message => $"the tests did not run after the attempt: {Why}";
    }

    /// <summary>A suite that must end green after the attempt does not: a koan's tests, which fail before by design.</summary>
    /// <param name="What">What the suite did: "fails 1 of 3", "does not compile".</param>
    public sealed record TestsFailing(string What) : RejectionReason
    {
        public override string Message => $"the tests must pass after the attempt, and they do not: {What}";
    }
}
