namespace Nightshift.Tests.Store;

/// <summary>A clock the test sets, so journaled timestamps can be asserted exactly.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
