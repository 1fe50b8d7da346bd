namespace Nightshift.Tests.Support;

public sealed class RustcOracleSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task Only_error_level_diagnostics_with_a_code_are_counted()
    {
        using var temp = new TempDir("oracle");
        var file = temp.Write("two_mismatches.rs", """
            fn main() {
                let unused = 1;
                let a: u8 = "one";
                let b: bool = 2;
            }
            """);

        var outcome = await RustcOracle.CheckAsync(file, temp.Path, CancellationToken.None);

        // rustc also prints a warning (unused variable) and a codeless "aborting due to 2 previous errors".
        outcome.ExitCode.Should().Be(1);
        outcome.ErrorCodes.Should().Equal(new Dictionary<string, int> { ["E0308"] = 2 });
    }

    [Fact(Timeout = 60_000)]
    public async Task A_program_that_compiles_has_no_errors()
    {
        using var temp = new TempDir("oracle");
        var file = temp.Write("fine.rs", "fn main() { println!(\"ok\"); }\n");

        var outcomes = await RustcOracle.CheckAllAsync([file], CancellationToken.None);

        outcomes.Should().ContainSingle().Which.Should().Match<RustcOutcome>(o => o.Compiles && o.Errors == 0);
    }
}
