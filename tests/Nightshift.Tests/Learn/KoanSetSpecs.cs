using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Tests.Learn;

public sealed class KoanSetSpecs
{
    // The frozen eval set. Changing it makes every earlier eval incomparable, so the test pins both the
    // list and its fingerprint: a change has to be made here, on purpose, in review.
    private const string EvalSetHash = "ef6c78c792a5cf46aeeb4f87758816d4ef2cf8b9d8fcab0442d90316e4ebdd77";

    private static readonly string[] _evalIds =
    [
        "borrow-self-method-while-iterating", "borrow-temporary-dropped", "borrow-thread-closure-capture",
        "option-average-empty", "option-match-exhaustive", "result-collect",
        "traits-missing-trait-item", "traits-partialeq-compare", "traits-rc-not-send",
    ];

    [Fact(Timeout = 30_000)]
    public async Task The_bundled_set_has_ten_koans_per_category_seven_to_train_on_and_three_to_evaluate()
    {
        await Task.Yield();
        var set = BundledKoans.Set;

        set.Koans.GroupBy(k => k.Category).Should().HaveCount(3).And.OnlyContain(category =>
            category.Count() == 10 && category.Count(k => k.Split == KoanSplit.Train) == 7);
        set.Koans.Select(k => k.Category).Distinct().Should().BeEquivalentTo("borrow", "traits", "result-option");
    }

    [Fact(Timeout = 30_000)]
    public async Task The_eval_set_is_frozen()
    {
        await Task.Yield();
        var set = BundledKoans.Set;

        set.Eval.Select(k => k.Id).Order(StringComparer.Ordinal).Should().Equal(_evalIds);
        set.EvalSetHash.Should().Be(EvalSetHash);
        KoanSet.HashIds(_evalIds.Reverse()).Should().Be(EvalSetHash, "the fingerprint does not depend on order");
        _evalIds.Should().OnlyContain(id => set.IsEval(id));
        set.IsEval("borrow-use-after-move").Should().BeFalse();
        set.IsEval("no-such-koan").Should().BeFalse();
    }

    [Fact(Timeout = 30_000)]
    public async Task Every_koan_declares_its_tests_in_a_separate_file()
    {
        await Task.Yield();
        foreach (var koan in BundledKoans.Set.Koans)
        {
            KoanToolchain.CountDeclaredTests(await File.ReadAllTextAsync(koan.TestsPath)).Should().BePositive(koan.Id);
            (await File.ReadAllTextAsync(koan.SourcePath)).Should().Contain("mod tests;", koan.Id);
            (await File.ReadAllTextAsync(koan.SolutionPath)).Should().Contain("mod tests;", koan.Id);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_manifest_with_problems_names_every_one()
    {
        using var dir = new TempDir("koans");
        WriteKoan(dir, "borrow", "fine-koan");
        WriteKoan(dir, "borrow", "no-solution", withSolution: false);
        dir.Write("koans.yml", """
            koans:
              - { id: fine-koan, category: borrow, difficulty: 1, split: train, title: "fine" }
              - { id: fine-koan, category: borrow, difficulty: 1, split: eval, title: "twice" }
              - { id: no-solution, category: borrow, difficulty: 2, split: train, title: "no solution" }
              - { id: Bad_Name, category: borrow, difficulty: 1, split: train, title: "bad" }
              - { id: hard-koan, category: borrow, difficulty: 7, split: test, title: "hard" }
              - { id: vague-koan, category: borrow }
            """);

        var load = () => KoanSet.Load(dir.Path);

        var error = load.Should().Throw<KoanSetException>().Which;
        error.ExitCode.Should().Be(2);
        error.Message.Should().Contain("6 problem(s)")
            .And.Contain("line 3: the id 'fine-koan' is used twice")
            .And.Contain("koan 'no-solution' has no borrow/no-solution/solution/lib.rs")
            .And.Contain("line 5: id and category are lower-case words")
            .And.Contain("difficulty of 'hard-koan' must be 1, 2 or 3, not '7'")
            .And.Contain("split of 'hard-koan' must be train or eval, not 'test'")
            .And.Contain("line 7: missing difficulty, split, title");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 30_000)]
    public async Task A_folder_without_a_manifest_is_a_usage_error()
    {
        using var dir = new TempDir("koans");

        var load = () => KoanSet.Load(dir.Path);

        load.Should().Throw<KoanSetException>().WithMessage($"*{dir["koans.yml"]} does not exist*");
        await Task.CompletedTask;
    }

    internal static void WriteKoan(TempDir dir, string category, string id, string? source = null, bool withSolution = true)
    {
        const string Tests = "use super::*;\n\n#[test]\nfn one_is_one() {\n    assert_eq!(one(), 1);\n}\n";
        dir.Write($"{category}/{id}/Cargo.toml", $"[package]\nname = \"{id}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        dir.Write($"{category}/{id}/src/lib.rs", source ?? "pub fn one() -> i32 {\n    1u8\n}\n\n#[cfg(test)]\nmod tests;\n");
        dir.Write($"{category}/{id}/src/tests.rs", Tests);
        if (withSolution)
        {
            dir.Write($"{category}/{id}/solution/lib.rs", "pub fn one() -> i32 {\n    1\n}\n\n#[cfg(test)]\nmod tests;\n");
        }
    }
}
