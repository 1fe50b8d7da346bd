using Nightshift.Tests.Support;

namespace Nightshift.Tests.Verification;

/// <summary>
/// <c>nightshift verify --patch</c> on the bundled corpus with real rustc, real cargo test and real git:
/// the same verdict a night would give, and the user's checkout untouched.
/// </summary>
public sealed class VerifyCommandSpecs
{
    private const string BrokenLine = "let name: String = \"nightshift\";";
    private const string FixedLine = "let name: String = \"nightshift\".to_string();";

    [Fact(Timeout = 300_000)]
    public async Task A_patch_is_judged_on_worktrees_and_a_protected_edit_is_rejected()
    {
        using var repo = await CorpusRepoAsync("verify");
        using var patches = new TempDir("patches");
        var fix = await PatchAsync(repo, patches, "fix.patch", r => Edit(r, "corpus/p001_owned_greeting.rs", BrokenLine, FixedLine));
        var cheat = await PatchAsync(repo, patches, "cheat.patch", r =>
        {
            Edit(r, "corpus/p001_owned_greeting.rs", BrokenLine, FixedLine);
            File.AppendAllText(r["tests/frequencies.rs"], "\n// the agent was here\n");
        });
        var before = await repo.FingerprintAsync();

        var accepted = await CliRun.InProcessAsync(repo.Path, ["verify", "--patch", fix, "--cluster", "E0308"]);
        var rejected = await CliRun.InProcessAsync(repo.Path, ["verify", "--patch", cheat]);

        accepted.ExitCode.Should().Be(0, accepted.Err);
        accepted.Out.Should().Contain("accepted").And.Contain("rustc:error:E0308 10 -> 9; errors 59 -> 58; tests 7/7");
        rejected.ExitCode.Should().Be(1, rejected.Err);
        rejected.Out.Should().Contain("rejected").And.Contain("tests/frequencies.rs");
        (await repo.FingerprintAsync()).Should().Equal(before);
        (await repo.NightshiftWorktreesAsync()).Should().Equal(["worker-0", "worker-1"], "HEAD and HEAD + patch each in a worker's own worktree, kept for next time");
    }

    [Fact(Timeout = 300_000)]
    public async Task Binary_content_a_rewritten_config_a_build_script_and_an_outward_link_are_each_rejected_with_their_reason()
    {
        using var repo = await CorpusRepoAsync("verify-gaps");
        using var patches = new TempDir("patches");
        const string program = "corpus/p001_owned_greeting.rs";
        var patch = await BinaryPatchAsync(repo, patches, "gaps.patch", r =>
        {
            // The fix, plus a suppression that a NUL in a comment once hid from the policy.
            Edit(r, program, BrokenLine, FixedLine);
            File.WriteAllText(r[program], "#![allow(unused)]\n// \0\n" + File.ReadAllText(r[program]));
            File.AppendAllText(r["nightshift.yml"], "policy:\n  protected: []\n");
            r.Write("build.rs", "fn main() {}\n");
            Directory.CreateDirectory(r["docs"]);
            File.CreateSymbolicLink(r["docs/hosts"], "/etc/hosts");
        });
        var before = await repo.FingerprintAsync();

        var result = await CliRun.InProcessAsync(repo.Path, ["verify", "--patch", patch, "--cluster", "E0308"]);

        result.ExitCode.Should().Be(1, result.Err);
        var reasons = result.Out.Split('\n').Where(line => line.StartsWith("  - ", StringComparison.Ordinal)).ToList();
        reasons.Should().Contain($"  - {program} became binary (a NUL byte or a binary attribute): the policy reads only text, so it rejects binary content");
        reasons.Should().Contain("  - nightshift.yml changed: it is protected by 'nightshift.yml'");
        reasons.Should().Contain("  - build.rs changed: it is protected by '**/build.rs'");
        reasons.Should().Contain("  - docs/hosts is a symbolic link to /etc/hosts, outside the repository (or into .git): a fix may only link within it");
        (await repo.FingerprintAsync()).Should().Equal(before);
        File.Exists(repo["build.rs"]).Should().BeFalse();
    }

    [Fact(Timeout = 300_000)]
    public async Task The_same_patch_gets_the_same_verdict_in_fresh_worktrees_and_in_reused_ones_an_attempt_left_dirty()
    {
        using var repo = await CorpusRepoAsync("verify-reuse");
        foreach (var program in Directory.GetFiles(repo["corpus"]).Select(Path.GetFileName).Order(StringComparer.Ordinal).Skip(3))
        {
            File.Delete(repo[$"corpus/{program}"]);
        }

        await repo.CommitAllAsync("three programs");
        using var patches = new TempDir("patches");
        var fix = await PatchAsync(repo, patches, "fix.patch", r => Edit(r, "corpus/p001_owned_greeting.rs", BrokenLine, FixedLine));
        var config = repo.Read("nightshift.yml");
        repo.Write("nightshift.yml", config + "workspace:\n  reuse: false\n");
        var fresh = await CliRun.InProcessAsync(repo.Path, ["verify", "--patch", fix, "--cluster", "E0308"]);
        (await repo.NightshiftWorktreesAsync()).Should().BeEmpty();
        repo.Write("nightshift.yml", config);
        (await CliRun.InProcessAsync(repo.Path, ["verify", "--patch", fix, "--cluster", "E0308"])).ExitCode.Should().Be(0);
        // What a killed attempt could leave in the workers' worktrees: HEAD's copy already fixed, another broken program
        // beside the patched one, a staged change.
        var head = repo[".nightshift/worktrees/worker-0"];
        var patched = repo[".nightshift/worktrees/worker-1"];
        File.WriteAllText(Path.Combine(head, "corpus/p001_owned_greeting.rs"), File.ReadAllText(Path.Combine(head, "corpus/p001_owned_greeting.rs")).Replace(BrokenLine, FixedLine, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(patched, "corpus/p999_planted.rs"), "fn main() { let x: u32 = \"no\"; }\n");
        File.WriteAllText(Path.Combine(patched, "corpus/p002_borrow_slice_argument.rs"), "fn main() { let y: i8 = 1u64; }\n");
        await repo.GitAsync("-C", patched, "add", "--all");

        var reused = await CliRun.InProcessAsync(repo.Path, ["verify", "--patch", fix, "--cluster", "E0308"]);

        fresh.ExitCode.Should().Be(0, fresh.Err);
        reused.ExitCode.Should().Be(fresh.ExitCode, reused.Err);
        reused.Out.Should().Be(fresh.Out);
        fresh.Out.Should().Contain("accepted");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_patch_file_is_a_usage_error()
    {
        using var repo = await GitRepo.InitAsync("verify-missing");
        repo.Write("nightshift.yml", "version: 1\nprobe:\n  command: [true]\n  format: gcc\n");
        await repo.CommitAllAsync("config");

        var result = await CliRun.InProcessAsync(repo.Path, ["verify", "--patch", "nope.patch"]);

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        result.Err.Should().Contain("no patch at").And.Contain("nope.patch");
    }

    /// <summary>A git repository holding the bundled corpus, committed.</summary>
    private static async Task<GitRepo> CorpusRepoAsync(string prefix)
    {
        var repo = await GitRepo.InitAsync(prefix);
        File.Delete(repo["README.md"]);
        File.Delete(repo["src/lib.rs"]);
        File.Delete(repo[".gitignore"]);
        RustCorpus.CopyTo(repo.Path);
        await repo.CommitAllAsync("corpus");
        return repo;
    }

    /// <summary>Makes a change in the checkout, saves it as a patch outside the repository, and undoes it.</summary>
    private static async Task<string> PatchAsync(GitRepo repo, TempDir patches, string name, Action<GitRepo> change)
    {
        change(repo);
        var patch = patches.Write(name, await repo.GitAsync("diff"));
        await repo.GitAsync("checkout", "--", ".");
        return patch;
    }

    /// <summary>As <see cref="PatchAsync"/>, with new files, links and binary content: <c>git diff --cached --binary</c>.</summary>
    private static async Task<string> BinaryPatchAsync(GitRepo repo, TempDir patches, string name, Action<GitRepo> change)
    {
        change(repo);
        await repo.GitAsync("add", "--all");
        var patch = patches.Write(name, await repo.GitAsync("diff", "--cached", "--binary"));
        await repo.GitAsync("reset", "--quiet", "--hard");
        await repo.GitAsync("clean", "-fdq");
        return patch;
    }

    private static void Edit(GitRepo repo, string path, string from, string to)
    {
        var text = File.ReadAllText(repo[path]);
        text.Should().Contain(from);
        File.WriteAllText(repo[path], text.Replace(from, to, StringComparison.Ordinal));
    }
}
