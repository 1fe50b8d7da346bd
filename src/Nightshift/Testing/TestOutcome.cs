namespace Nightshift.Testing;

public enum TestOutcome
{
    Passed,
    Failed,
    Skipped,
}
