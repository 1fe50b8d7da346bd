using System.Text;
using System.Text.Json;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Tests.Learn;

/// <summary>Small koan sets made of bundled koans, so that evals in tests run a few koans instead of nine.</summary>
internal static class TestKoans
{
    /// <summary>A set under <c>koans/</c> in <paramref name="dir"/> holding the given bundled koans, every one of them eval.</summary>
    public static KoanSet EvalOnly(TempDir dir, params string[] ids) => Split(dir, [], ids);

    /// <summary>A set under <c>koans/</c> in <paramref name="dir"/> holding the given bundled koans, split as given.</summary>
    public static KoanSet Split(TempDir dir, string[] train, string[] eval)
    {
        var manifest = new StringBuilder("koans:\n");
        foreach (var (id, split) in train.Select(id => (id, "train")).Concat(eval.Select(id => (id, "eval"))))
        {
            var koan = BundledKoans.Get(id);
            foreach (var file in Koan.WorkspaceFiles.Append(Koan.SolutionFile))
            {
                dir.Write($"koans/{koan.Category}/{id}/{file}", File.ReadAllText(Path.Combine(koan.Directory, file)));
            }

            manifest.Append(
                $"  - {{ id: {id}, category: {koan.Category}, difficulty: {koan.Difficulty}, split: {split}, title: {JsonSerializer.Serialize(koan.Title)} }}\n");
        }

        dir.Write("koans/koans.yml", manifest.ToString());
        return KoanSet.Load(dir["koans"]);
    }
}
