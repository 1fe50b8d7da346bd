using Nightshift.Tests.Support;

namespace Nightshift.Tests.Verification;

/// <summary>
/// <c>nightshift verify</c> on a generator written in Python whose Rust outputs fail to compile: the probe transpiles
/// each input and runs real rustc on the output, so a fix to the generator shows in every item at once.
/// </summary>
public sealed class GeneratorVerifySpecs
{
    // Every assignment becomes a typed let; the bug quotes the value, so each one is E0308 (expected i64, found &str).
    private const string Generator = """
        import sys

        source, output = sys.argv[1], sys.argv[2]
        lines = []
        for line in open(source):
            name, value = (part.strip() for part in line.split("="))
            lines.append(f'    let {name}: i64 = "{value}";')
        with open(output, "w") as out:
            out.write("fn main() {\n" + "\n".join(lines) + "\n}\n")

        """;

    private const string BuggyLine = """lines.append(f'    let {name}: i64 = "{value}";')""";

    [Fact(Timeout = 300_000)]
    public async Task A_generator_fix_shrinks_its_cluster_in_every_item_and_the_warnings_it_reveals_are_named()
    {
        using var repo = await GeneratorRepoAsync();
        using var patches = new TempDir("patches");
        var fix = await PatchAsync(repo, patches, "fix.patch", """lines.append(f'    let {name}: i64 = {value};')""");

        var result = await CliRun.InProcessAsync(repo.Path, ["verify", "--patch", fix]);

        result.ExitCode.Should().Be(0, result.Out + result.Err);
        result.Out.Should().Contain("accepted").And.Contain("rustc:error:E0308 7 -> 0; errors 7 -> 0; revealed: unused_variables 7");
    }

    [Fact(Timeout = 300_000)]
    public async Task A_generator_fix_that_trades_its_cluster_for_another_is_rejected_with_the_reason()
    {
        using var repo = await GeneratorRepoAsync();
        using var patches = new TempDir("patches");
        var wrong = await PatchAsync(repo, patches, "wrong.patch", """lines.append(f'    let {name}: i64 = {value} + offset;')""");

        var result = await CliRun.InProcessAsync(repo.Path, ["verify", "--patch", wrong, "--cluster", "E0308"]);

        result.ExitCode.Should().Be(1, result.Out + result.Err);
        result.Out.Should().Contain("rejected").And.Contain("E0425 appeared with 7 diagnostics: a new cluster");
    }

    private static async Task<GitRepo> GeneratorRepoAsync()
    {
        var repo = await GitRepo.InitAsync("generator");
        repo.Write("gen.py", Generator);
        repo.Write("inputs/a.txt", "width = 3\nheight = 4\n");
        repo.Write("inputs/b.txt", "count = 10\n");
        repo.Write("inputs/c.txt", "x = 1\ny = 2\nz = 3\n");
        repo.Write("inputs/d.txt", "limit = 99\n");
        repo.Write("nightshift.yml", """
            version: 1
            probe:
              corpus:
                items: "inputs/*.txt"
                steps:
                  - [python3, "{root}/gen.py", "{item}", "{work}/{stem}.rs"]
                  - [rustc, --edition=2021, --error-format=json, --emit=metadata, --crate-name, "{stem}", -o, "{work}/{stem}.rmeta", "{work}/{stem}.rs"]
                format: rustc-json
            """);
        await repo.CommitAllAsync("a generator and its inputs");
        return repo;
    }

    /// <summary>The generator's buggy line replaced by <paramref name="line"/>, as a patch outside the repository; the checkout is restored.</summary>
    private static async Task<string> PatchAsync(GitRepo repo, TempDir patches, string name, string line)
    {
        repo.Write("gen.py", Generator.Replace(BuggyLine, line, StringComparison.Ordinal));
        var patch = patches.Write(name, await repo.GitAsync("diff", "--", "gen.py"));
        repo.Write("gen.py", Generator);
        return patch;
    }
}
