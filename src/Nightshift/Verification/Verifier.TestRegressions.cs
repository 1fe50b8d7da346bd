namespace Nightshift.Verification;

public static partial class Verifier
{
    /// <summary>
    /// The test rule of <see cref="Decide"/> on its own, for workloads whose verdict has no probe (a crash fix): every test
    /// that passed in every baseline run still passes, and a suite that exited 0 still does. Empty when the tests are not worse.
    /// </summary>
    public static IReadOnlyList<RejectionReason> TestRegressions(TestSuiteResult before, TestSuiteResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return TestReasons(before, after);
    }
}
