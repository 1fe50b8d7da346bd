namespace Nightshift.Tests.Support;

public sealed class BinariesSpecs
{
    [Fact]
    public void The_dummy_program_and_the_cli_are_built_next_to_the_tests()
    {
        File.Exists(Binaries.Dummy).Should().BeTrue(Binaries.Dummy);
        File.Exists(Binaries.CliAssembly).Should().BeTrue(Binaries.CliAssembly);
    }
}
