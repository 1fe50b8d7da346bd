using Nightshift.Configuration;
using Nightshift.Verification;

namespace Nightshift.Tests.Verification;

public sealed class GlobSpecs
{
    [Theory(Timeout = 10_000)]
    [InlineData("tests/**", "tests/api.rs", true)]
    [InlineData("tests/**", "tests/deep/er/api.rs", true)]
    [InlineData("tests/**", "src/tests.rs", false)]
    [InlineData("tests/**", "crate/tests/api.rs", false)]
    [InlineData("**/tests/**", "crate/tests/api.rs", true)]
    [InlineData("**/tests/**", "tests/api.rs", true)]
    [InlineData("**/tests/**", "src/contests/a.rs", false)]
    [InlineData("**/*.lock", "Cargo.lock", true)]
    [InlineData("**/*.lock", "web/yarn.lock", true)]
    [InlineData("**/*.lock", "src/lock.rs", false)]
    [InlineData("Cargo.lock", "Cargo.lock", true)]
    [InlineData("Cargo.lock", "sub/Cargo.lock", false)]
    [InlineData(".github/**", ".github/workflows/ci.yml", true)]
    [InlineData("src/*.rs", "src/lib.rs", true)]
    [InlineData("src/*.rs", "src/bin/main.rs", false)]
    [InlineData("src/?.rs", "src/a.rs", true)]
    [InlineData("src/?.rs", "src/ab.rs", false)]
    [InlineData("src/[ab].rs", "src/b.rs", true)]
    [InlineData("src/[!ab].rs", "src/b.rs", false)]
    [InlineData("src/[!ab].rs", "src/c.rs", true)]
    [InlineData("{src,lib}/**/*.rs", "lib/x/y.rs", true)]
    [InlineData("{src,lib}/**/*.rs", "bin/y.rs", false)]
    [InlineData("vendor", "vendor/crate/lib.rs", true)]
    [InlineData("vendor/", "vendor/crate/lib.rs", true)]
    [InlineData("/build.rs", "build.rs", true)]
    [InlineData("./build.rs", "./build.rs", true)]
    [InlineData("*.md", "README.MD", false)]
    [InlineData("*", ".env", true)]
    [InlineData("a+b(c).txt", "a+b(c).txt", true)]
    public async Task A_glob_matches_repository_paths_as_documented(string glob, string path, bool matches)
    {
        new Glob(glob).IsMatch(path).Should().Be(matches);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_default_protected_globs_cover_tests_ci_lock_files_build_scripts_and_git_but_not_sources()
    {
        var paths = new ProtectedPaths(PolicyConfig.DefaultProtected);

        paths.ProtectingGlob("tests/it.rs").Should().Be("tests/**");
        paths.ProtectingGlob("crates/core/tests/it.rs").Should().Be("**/tests/**");
        paths.ProtectingGlob(".github/workflows/ci.yml").Should().Be(".github/**");
        paths.ProtectingGlob(".ci/run.sh").Should().Be(".ci/**");
        paths.ProtectingGlob("Cargo.lock").Should().Be("**/*.lock");
        paths.ProtectingGlob("package-lock.json").Should().Be("package-lock.json");
        paths.ProtectingGlob("build.rs").Should().Be("**/build.rs");
        paths.ProtectingGlob("crates/core/build.rs").Should().Be("**/build.rs");
        paths.ProtectingGlob(".cargo/config.toml").Should().Be("**/.cargo/config*");
        paths.ProtectingGlob("sub/.cargo/config").Should().Be("**/.cargo/config*");
        paths.ProtectingGlob("Directory.Build.props").Should().Be("**/Directory.Build.*");
        paths.ProtectingGlob("src/App/App.targets").Should().Be("**/*.targets");
        paths.ProtectingGlob("pkg/conftest.py").Should().Be("**/conftest.py");
        paths.ProtectingGlob("setup.py").Should().Be("**/setup.py");
        paths.ProtectingGlob("lib/Makefile").Should().Be("**/Makefile");
        paths.ProtectingGlob("CMakeLists.txt").Should().Be("**/CMakeLists.txt");
        paths.ProtectingGlob(".git").Should().Be("**/.git");
        paths.ProtectingGlob("vendor/lib/.git/hooks/post-commit").Should().Be("**/.git");
        paths.ProtectingGlob("sub/.git").Should().Be("**/.git");
        paths.ProtectingGlob("src/lib.rs").Should().BeNull();
        paths.ProtectingGlob("src/tests.rs").Should().BeNull();
        paths.ProtectingGlob("src/build.rs.txt").Should().BeNull();
        paths.ProtectingGlob(".gitignore").Should().BeNull();
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_unclosed_brace_is_refused_with_the_glob_named()
    {
        var act = () => new Glob("src/{a,b");

        act.Should().Throw<ArgumentException>().WithMessage("*src/{a,b*");
        await Task.CompletedTask;
    }
}
