using System.Security.Cryptography;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Sandboxing;

/// <summary>
/// A cargo crate in a git repository outside /tmp (so the sandbox's private /tmp does not hide it), with a warning to
/// cluster on and a patch that adds a malicious <c>build.rs</c> (issue 14). The build script tries every escape at
/// once and writes what happened to <c>attack-report.txt</c> in its OUT_DIR: under the worker's target folder, which
/// outlives the worktree.
/// </summary>
internal sealed class AttackCrate : IDisposable
{
    public const string Secret = "sk-test-secret-4f1d2c9e8b7a6d5c";

    private readonly TempDir _outside = new("outside", TempDir.OutsideTmp);

    private AttackCrate(GitRepo repo, int port)
    {
        Repo = repo;
        Port = port;
        HostTmpFile = Path.Combine(Path.GetTempPath(), $"ns-leak-{Guid.NewGuid():N}.txt");
    }

    public GitRepo Repo { get; }

    /// <summary>A loopback port the build script connects to.</summary>
    public int Port { get; }

    /// <summary>A file in a folder outside the worktree, on a disk the sandbox sees read-only.</summary>
    public string OutsideFile => _outside["leak.txt"];

    /// <summary>A file in the machine's own /tmp, which the sandbox replaces with a private one.</summary>
    public string HostTmpFile { get; }

    public static async Task<AttackCrate> CreateAsync(int port, string sandboxSection = "")
    {
        var repo = await GitRepo.InitAsync("attack", TempDir.OutsideTmp);
        repo.Write("Cargo.toml", "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        repo.Write(".gitignore", "/target\n/Cargo.lock\n");
        repo.Write("src/lib.rs", """
            pub fn answer() -> u32 {
                let unused = 1;
                42
            }

            #[cfg(test)]
            mod tests {
                #[test]
                fn answers() {
                    assert_eq!(super::answer(), 42);
                }
            }

            """);
        repo.Write("nightshift.yml", $"""
            version: 1
            probe:
              command: [cargo, check, --offline, --message-format=json]
              format: cargo-json
            tests:
              command: [cargo, test, --offline]
              format: cargo-test
            {sandboxSection}
            """);
        await repo.CommitAllAsync("crate");
        return new AttackCrate(repo, port);
    }

    /// <summary>Writes the patch that adds the malicious build.rs (to a file outside the repository) and returns its path.</summary>
    public async Task<string> WritePatchAsync()
    {
        Repo.Write("build.rs", BuildScript());
        await Repo.GitAsync("add", "--intent-to-add", "build.rs");
        var patch = _outside.Write("attack.patch", await Repo.GitAsync("diff"));
        await Repo.GitAsync("rm", "--cached", "--quiet", "build.rs");
        File.Delete(Repo["build.rs"]);
        return patch;
    }

    /// <summary>What the user's repository holds that no command of a worktree may change: files, hooks, config, refs.</summary>
    public async Task<SortedDictionary<string, string>> FingerprintAsync()
    {
        var state = await Repo.FingerprintAsync();
        foreach (var folder in new[] { "hooks", "refs" })
        {
            foreach (var file in Directory.EnumerateFiles(Repo[Path.Combine(".git", folder)], "*", SearchOption.AllDirectories))
            {
                state["git " + Path.GetRelativePath(Repo.Path, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            }
        }

        state["git packed-refs"] = File.Exists(Repo[".git/packed-refs"]) ? File.ReadAllText(Repo[".git/packed-refs"]) : "(none)";
        return state;
    }

    /// <summary>Every attack-report.txt the build script left in Nightshift's target folders.</summary>
    public IReadOnlyList<string> Reports() =>
        Directory.Exists(Repo[".nightshift"])
            ? [.. Directory.EnumerateFiles(Repo[".nightshift"], "attack-report.txt", SearchOption.AllDirectories).Select(File.ReadAllText)]
            : [];

    public void Dispose()
    {
        Repo.Dispose();
        _outside.Dispose();
        File.Delete(HostTmpFile);
    }

    private string BuildScript()
    {
        var repo = Repo.Path;
        return $$"""
            use std::io::Write;
            use std::path::{Path, PathBuf};

            fn attempt(report: &mut String, name: &str, result: std::io::Result<()>) {
                match result {
                    Ok(()) => report.push_str(&format!("{name}: ok\n")),
                    Err(e) => report.push_str(&format!("{name}: failed ({e})\n")),
                }
            }

            fn write(path: &Path, text: &str) -> std::io::Result<()> {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::OpenOptions::new().create(true).append(true).open(path)?.write_all(text.as_bytes())
            }

            fn main() {
                let mut report = String::new();
                let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
                let repo = Path::new("{{repo}}");
                let secret = std::env::var("OPENAI_API_KEY").unwrap_or_default();
                if secret.is_empty() {
                    report.push_str("secret: failed (absent)\n");
                } else {
                    report.push_str(&format!("secret: ok {secret}\n"));
                    println!("cargo:warning=the key is {secret}");
                }

                attempt(&mut report, "outside", write(Path::new("{{OutsideFile}}"), &secret));
                // Succeeds into the sandbox's private /tmp; the test looks for it in the real one.
                attempt(&mut report, "private tmp", write(Path::new("{{HostTmpFile}}"), &secret));
                attempt(&mut report, "hook", write(&repo.join(".git/hooks/post-commit"), "#!/bin/sh\necho pwned\n"));
                attempt(&mut report, "repo config", write(&repo.join(".git/config"), "[core]\n\thooksPath = /tmp\n"));
                attempt(&mut report, "ref", write(&repo.join(".git/refs/heads/evil"), "0000000000000000000000000000000000000000\n"));
                attempt(&mut report, "working tree", write(&repo.join("src/lib.rs"), "// pwned\n"));
                attempt(&mut report, "worktree .git", write(&manifest.join(".git"), "gitdir: /\n"));
                let gitdir = std::fs::read_to_string(manifest.join(".git")).unwrap_or_default();
                let gitdir = PathBuf::from(gitdir.trim().trim_start_matches("gitdir:").trim());
                attempt(&mut report, "worktree config", write(&gitdir.join("config"), "[core]\n\thooksPath = /tmp\n"));
                attempt(&mut report, "worktree HEAD", write(&gitdir.join("HEAD"), "ref: refs/heads/evil\n"));
                let address = "127.0.0.1:{{Port}}".parse().unwrap();
                attempt(&mut report, "network", std::net::TcpStream::connect_timeout(&address, std::time::Duration::from_secs(3)).map(|_| ()));

                let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
                std::fs::write(out.join("attack-report.txt"), &report).unwrap();
                eprintln!("{report}");
            }

            """;
    }
}
