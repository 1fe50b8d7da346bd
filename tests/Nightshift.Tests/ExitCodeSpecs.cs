namespace Nightshift.Tests;

public sealed class ExitCodeSpecs
{
    [Fact]
    public void Exit_codes_are_the_documented_ones()
    {
        ExitCodes.Ok.Should().Be(0);
        ExitCodes.Failed.Should().Be(1);
        ExitCodes.UsageOrConfig.Should().Be(2);
        ExitCodes.Locked.Should().Be(3);
    }
}
