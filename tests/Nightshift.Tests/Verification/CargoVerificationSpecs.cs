using Nightshift.Clustering;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;
using Nightshift.Execution;
using Nightshift.Probing;
using Nightshift.Testing;
using Nightshift.Tests.Support;
using Nightshift.Verification;

namespace Nightshift.Tests.Verification;

/// <summary>
/// The verifier on a real crate: cargo check finds E0308 in the binary, cargo test --lib runs the
/// library's test, and real fixes are judged from real output.
/// </summary>
public sealed class CargoVerificationSpecs : IDisposable
{
    private static readonly ClusterKey _e0308 = new("rustc", Severity.Error, "E0308", null);

    private static readonly Dictionary<string, string> _crate = new()
    {
        ["Cargo.toml"] = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
        [".gitignore"] = "/Cargo.lock\n",
        ["src/lib.rs"] = """
            pub fn double(x: i32) -> i32 {
                x * 2
            }

            #[cfg(test)]
            mod tests {
                #[test]
                fn doubles() {
                    assert_eq!(super::double(21), 42);
                }
            }

            """,
        ["src/main.rs"] = """
            fn main() {
                let first: String = demo::double(21);
                let second: String = demo::double(2);
                println!("{first} {second}");
            }

            """,
    };

    private readonly TempDir _target = new("cargo-target");
    private readonly ProcessRunner _runner = TestSandbox.Runner();

    private Dictionary<string, string?> Environment => new()
    {
        ["CARGO_TARGET_DIR"] = _target.Path,
        ["CARGO_TERM_COLOR"] = "never",
    };

    [Fact(Timeout = 300_000)]
    public async Task A_real_fix_is_accepted_and_a_fix_that_breaks_the_test_is_rejected()
    {
        using var git = await GitChange.StartAsync(_crate);
        var tests = new TestRunner(
            _runner,
            new TestsConfig { Command = ConfiguredCommand.Argv(["cargo", "test", "--offline", "--lib"]), Format = TestFormat.CargoTest },
            Environment);
        var before = await ProbeAsync(git.Root);
        var testsBefore = await tests.RunBaselineAsync(git.Root, CancellationToken.None);

        // (a) the fix a person would write.
        git.Write("src/main.rs", git.Read("src/main.rs").Replace("demo::double(21);", "demo::double(21).to_string();", StringComparison.Ordinal)
            .Replace("demo::double(2);", "demo::double(2).to_string();", StringComparison.Ordinal));
        var good = await DecideAsync(git, tests, before, testsBefore);

        // (b) the same fix, plus a library change that breaks the passing test.
        git.Write("src/lib.rs", git.Read("src/lib.rs").Replace("x * 2", "x * 2 + 1", StringComparison.Ordinal));
        var bad = await DecideAsync(git, tests, before, testsBefore);

        before.CountOf(_e0308).Should().Be(2, string.Join('\n', before.Diagnostics.Select(d => d.Message)));
        testsBefore.Passing.Should().Equal("tests::doubles");
        good.Should().BeOfType<Verdict.Accepted>(good.Summary);
        good.Figures.Should().BeEquivalentTo(new
        {
            TargetBefore = 2,
            TargetAfter = 0,
            Clusters = new[] { new ClusterChange(_e0308, 2, 0) },
            ErrorsAfter = 0,
            FilesChanged = 1,
            DiffLines = 4,
        });
        good.Figures.ToTrailer().Should().Be("Verified: rustc:error:E0308 2 -> 0; errors 2 -> 0; tests 1/1");
        bad.Reasons.Should().ContainSingle().Which.Should().BeOfType<RejectionReason.TestBroke>()
            .Which.Should().BeEquivalentTo(new { Test = "tests::doubles", After = TestOutcome.Failed });
        bad.Reasons[0].Message.Should().StartWith("test tests::doubles passed at baseline and failed after: ");
        bad.Figures.Tests!.PassedAfter.Should().Be(0);
    }

    public void Dispose() => _target.Dispose();

    private async Task<Verdict> DecideAsync(GitChange git, TestRunner tests, Snapshot before, TestSuiteResult testsBefore)
    {
        var diff = await git.DiffAsync();
        var after = await ProbeAsync(git.Root);
        var testsAfter = await tests.RunAsync(git.Root, 1, CancellationToken.None);
        return Verifier.Decide(new VerdictInput(_e0308, before, after, testsBefore, testsAfter, diff, new PolicyConfig()));
    }

    /// <summary>The one-command probe <c>cargo check --message-format=json</c>, as a snapshot.</summary>
    private async Task<Snapshot> ProbeAsync(string root)
    {
        var check = await _runner.RunAsync(
            CommandSpec.Of("cargo", "check", "--offline", "--all-targets", "--message-format=json") with
            {
                WorkingDirectory = root,
                Environment = Environment,
                Timeout = TimeSpan.FromMinutes(4),
            });
        check.StopCause.Should().Be(StopCause.Exited);
        var diagnostics = new CargoJsonParser().Parse(check.StandardOutput).Select(d => d with { Item = "(command)" }).ToList();
        return new Snapshot([new ItemResult("(command)", diagnostics, check.ExitCode, false, check.Duration)]);
    }
}
