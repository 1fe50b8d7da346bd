using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Landing;

/// <summary>
/// <c>nightshift review</c> on a real night of three fixes (the replay agent, rustc): NS-0001 is independent, NS-0003 calls
/// a function NS-0002 adds. Dropping NS-0002 leaves NS-0003 out as no longer verifying; dropping NS-0001 keeps the others,
/// verified again; every review branch's tree is the kept fixes applied in order.
/// </summary>
public sealed class ReviewSpecs
{
    private const string Config = """
        version: 1
        probe:
          corpus:
            items: "corpus/*.rs"
            steps:
              - [rustc, --edition=2021, --crate-type=lib, --error-format=json, --emit=metadata, --crate-name, "{stem}", -o, "{work}/{stem}.rmeta", "{item}"]
            format: rustc-json
        agent:
          provider: replay
          replay: replay/agent.jsonl
        limits:
          hours: 10m
          attempts_per_cluster: 1
        landing:
          branch: nightshift/test
        """;

    private const string OneBroken = "pub fn sum() -> u32 {\n    let a = first_missing;\n    let b = second_missing;\n    let c = third_missing;\n    a + b + c\n}\n";
    private const string OneFixed = "pub fn sum() -> u32 {\n    let a = 1;\n    let b = 2;\n    let c = 3;\n    a + b + c\n}\n";
    private const string Middle = "\npub fn one() -> u32 {\n    1\n}\n\npub fn two() -> u32 {\n    2\n}\n\npub fn answer() -> u32 {\n";
    private const string Double = "pub fn double(n: u32) -> u32 {\n    n * 2\n}\n\n";
    private const string FillBroken = "pub fn fill() -> Vec<u32> {\n    let mut v: Vec<u32> = Vec::new();\n    v.pushh(1);\n    v.pushh(2);\n    v\n}\n";
    private const string FillFixed = "pub fn fill() -> Vec<u32> {\n    let mut v: Vec<u32> = Vec::new();\n    v.push(1);\n    v.push(2);\n    v\n}\n";
    private const string AnswerBroken = "    let x: u32 = \"5\";\n    x\n}\n";
    private const string AnswerFixed = "    let x: u32 = double(5);\n    x\n}\n";

    [Fact(Timeout = 600_000)]
    public async Task Dropping_a_fix_a_later_one_depends_on_leaves_the_later_one_out_as_no_longer_verifying()
    {
        using var repo = await GitRepo.InitAsync("review");
        File.Delete(repo["README.md"]);
        File.Delete(repo["src/lib.rs"]);
        repo.Write("nightshift.yml", Config);
        repo.Write("corpus/one.rs", OneBroken);
        repo.Write("corpus/two.rs", FillBroken + Middle + AnswerBroken);
        repo.Write("replay/agent.jsonl", string.Concat(
            Line("rustc:error:E0425", "corpus/one.rs", OneFixed),
            Line("rustc:error:E0599", "corpus/two.rs", Double + FillFixed + Middle + AnswerBroken),
            Line("rustc:error:E0308", "corpus/two.rs", Double + FillFixed + Middle + AnswerFixed)));
        await repo.CommitAllAsync("three clusters");
        var night = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);
        night.ExitCode.Should().Be(0, night.Err);
        var session = JsonNode.Parse(night.Out)!["session"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await repo.GitAsync("log", "--reverse", "--format=%s", "main..nightshift/test")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s[..7]).Should().Equal("NS-0001", "NS-0002", "NS-0003");

        var withoutTwo = await CliRun.InProcessAsync(repo.Path, ["review", session, "--drop", "NS-0002", "--json"]);

        withoutTwo.Out.Should().NotBeEmpty(withoutTwo.Err);
        withoutTwo.ExitCode.Should().Be(1, "a kept fix was left out");
        var fixes = Fixes(withoutTwo.Out);
        fixes.Select(f => (f.Ticket, f.Outcome)).Should().Equal(("NS-0001", "kept"), ("NS-0002", "dropped"), ("NS-0003", "no_longer_verifies"));
        fixes[2].Why.Should().Contain("E0425", "without NS-0002, NS-0003 calls a function nobody defined");
        (await FileAtAsync(repo, $"nightshift/review-{session}", "corpus/one.rs")).Should().Be(OneFixed);
        (await FileAtAsync(repo, $"nightshift/review-{session}", "corpus/two.rs")).Should().Be(FillBroken + Middle + AnswerBroken);

        var withoutOne = await CliRun.InProcessAsync(repo.Path, ["review", session, "--keep", "NS-0002,NS-0003", "--into", "review/without-one", "--json"]);

        withoutOne.ExitCode.Should().Be(0, withoutOne.Err);
        Fixes(withoutOne.Out).Select(f => (f.Ticket, f.Outcome, f.Why)).Should().Equal(
            ("NS-0001", "dropped", "dropped by the reviewer"), ("NS-0002", "kept", "verified again"), ("NS-0003", "kept", "verified again"));
        (await FileAtAsync(repo, "review/without-one", "corpus/one.rs")).Should().Be(OneBroken);
        (await FileAtAsync(repo, "review/without-one", "corpus/two.rs")).Should().Be(Double + FillFixed + Middle + AnswerFixed);

        var again = await CliRun.InProcessAsync(repo.Path, ["review", session, "--drop", "NS-0002"]);
        again.ExitCode.Should().Be(2, "a review never moves an existing branch");
        again.Err.Should().Contain($"the branch nightshift/review-{session} exists already");
        (await repo.GitAsync("status", "--porcelain")).Should().BeEmpty("the user's checkout is untouched");
    }

    private static string Line(string task, string path, string content) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["task"] = task, ["path"] = path, ["content"] = content }) + "\n";

    private static List<(string Ticket, string Outcome, string Why)> Fixes(string json) =>
        [.. JsonNode.Parse(json)!["fixes"]!.AsArray().Select(f => (f!["ticket"]!.GetValue<string>(), f["outcome"]!.GetValue<string>(), f["why"]!.GetValue<string>()))];

    private static async Task<string> FileAtAsync(GitRepo repo, string branch, string path) =>
        (await repo.GitAsync("show", $"{branch}:{path}")).ReplaceLineEndings("\n");
}
