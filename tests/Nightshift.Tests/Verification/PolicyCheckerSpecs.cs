using Nightshift.Configuration;
using Nightshift.Verification;

namespace Nightshift.Tests.Verification;

public sealed class PolicyCheckerSpecs
{
    private static readonly PolicyConfig _policy = new();

    private static readonly Dictionary<string, string> _crate = new()
    {
        ["Cargo.toml"] = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
        ["src/lib.rs"] = "pub fn double(x: i32) -> i32 {\n    x * 2\n}\n\n#[allow(dead_code)]\nfn helper() {}\n",
        ["tests/api.rs"] = "#[test]\nfn doubles() {\n    assert_eq!(demo::double(2), 4);\n}\n",
        ["crates/core/tests/it.rs"] = "#[test]\nfn works() {}\n",
        [".github/workflows/ci.yml"] = "on: push\n",
        ["nightshift.yml"] = "version: 1\npolicy:\n  max_diff_lines: 400\n",
        ["assets/logo.bin"] = "\0\u0001binary\0",
    };

    /// <summary>The policy a configuration loaded from nightshift.yml has by default.</summary>
    private static readonly PolicyConfig _loaded = PolicyConfig.DefaultsFor("nightshift.yml");

    private const string Fix = "pub fn double(x: i32) -> i32 {\n    x + x\n}\n\n#[allow(dead_code)]\nfn helper() {}\n";

    [Fact(Timeout = 60_000)]
    public async Task A_change_to_sources_only_passes_the_policy()
    {
        var diff = await DiffAsync(git => git.Write("src/lib.rs", git.Read("src/lib.rs").Replace("x * 2", "x + x")));

        PolicyChecker.Check(diff, _policy).Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task Editing_a_protected_test_file_names_the_file_and_the_glob()
    {
        var diff = await DiffAsync(git =>
        {
            git.Write("tests/api.rs", "#[test]\nfn doubles() {}\n");
            git.Write("crates/core/tests/it.rs", "");
            git.Write(".github/workflows/ci.yml", "on: [push, pull_request]\n");
        });

        PolicyChecker.Check(diff, _policy).Should().BeEquivalentTo(new RejectionReason[]
        {
            new RejectionReason.ProtectedPathChanged(".github/workflows/ci.yml", ".github/**"),
            new RejectionReason.ProtectedPathChanged("crates/core/tests/it.rs", "**/tests/**"),
            new RejectionReason.ProtectedPathChanged("tests/api.rs", "tests/**"),
        }, o => o.RespectingRuntimeTypes());
    }

    [Fact(Timeout = 60_000)]
    public async Task Moving_a_test_out_of_a_protected_folder_or_deleting_it_is_a_protected_change()
    {
        var diff = await DiffAsync(git =>
        {
            git.Move("tests/api.rs", "src/api_tests.rs");
            git.Delete("crates/core/tests/it.rs");
        });

        PolicyChecker.Check(diff, _policy).OfType<RejectionReason.ProtectedPathChanged>().Select(r => r.Path)
            .Should().BeEquivalentTo("tests/api.rs", "crates/core/tests/it.rs");
    }

    [Fact(Timeout = 60_000)]
    public async Task Adding_an_allow_attribute_is_a_suppression_with_its_file_line_and_text()
    {
        var diff = await DiffAsync(git => git.Write(
            "src/lib.rs",
            "#![allow(unused)]\npub fn double(x: i32) -> i32 {\n    x * 2\n}\n\n#[allow(dead_code)]\nfn helper() {}\n"));

        PolicyChecker.Check(diff, _policy).Should().ContainSingle().Which.Should().Be(
            new RejectionReason.SuppressionAdded("src/lib.rs", 1, "#![allow(unused)]", "Rust allow/expect attribute"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_suppression_the_diff_only_moves_or_reindents_is_not_new()
    {
        var diff = await DiffAsync(git => git.Write(
            "src/lib.rs",
            "mod inner {\n        #[allow(dead_code)]\n    fn helper() {}\n}\n\npub fn double(x: i32) -> i32 {\n    x * 2\n}\n"));

        PolicyChecker.Check(diff, _policy).Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task Suppressions_are_allowed_when_the_policy_does_not_forbid_them()
    {
        var diff = await DiffAsync(git => git.Write("src/lib.rs", "#![allow(unused)]\n" + git.Read("src/lib.rs")));

        PolicyChecker.Check(diff, _policy with { ForbidSuppressions = false }).Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_diff_larger_than_the_maximum_counts_added_and_removed_lines()
    {
        var diff = await DiffAsync(git => git.Write(
            "src/lib.rs",
            "pub fn double(x: i32) -> i32 {\n    x + x\n}\n\npub fn triple(x: i32) -> i32 {\n    x * 3\n}\n"));

        diff.LinesAdded.Should().Be(4);
        diff.LinesRemoved.Should().Be(3);
        PolicyChecker.Check(diff, _policy with { MaxDiffLines = 7 }).Should().BeEmpty();
        PolicyChecker.Check(diff, _policy with { MaxDiffLines = 6 }).Should().ContainSingle()
            .Which.Should().Be(new RejectionReason.DiffTooLarge(7, 6));
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_broken_rule_is_reported_not_just_the_first()
    {
        var diff = await DiffAsync(git =>
        {
            git.Write("tests/api.rs", "#[test]\n#[ignore]\nfn doubles() {}\n");
            git.Write("src/py/tool.py", "import os  # noqa\n");
        });

        var reasons = PolicyChecker.Check(diff, _policy with { MaxDiffLines = 2 });

        reasons.Select(r => r.GetType().Name).Should().BeEquivalentTo(
            "ProtectedPathChanged", "SuppressionAdded", "SuppressionAdded", "DiffTooLarge");
        reasons.OfType<RejectionReason.SuppressionAdded>().Select(r => (r.File, r.Line, r.Marker)).Should().BeEquivalentTo(new[]
        {
            ("src/py/tool.py", 1, "# noqa"),
            ("tests/api.rs", 2, "Rust ignored test"),
        });
    }

    [Fact(Timeout = 60_000)]
    public async Task A_NUL_byte_that_turns_a_source_file_binary_does_not_hide_an_added_suppression()
    {
        var plain = await DiffAsync(git => git.Write("src/lib.rs", "#![allow(unused)]\n" + Fix));
        var disguised = await DiffAsync(git => git.Write("src/lib.rs", "#![allow(unused)]\n// \0\n" + Fix));

        PolicyChecker.Check(plain, _policy).Should().ContainSingle().Which.Should().BeOfType<RejectionReason.SuppressionAdded>();
        disguised.Files.Should().ContainSingle().Which.IsBinary.Should().BeTrue("git sees the NUL and shows no lines");
        PolicyChecker.Check(disguised, _policy).Should().Equal(new RejectionReason.BinaryContent("src/lib.rs"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_new_or_changed_binary_file_is_rejected_and_a_deleted_one_is_not()
    {
        var added = await DiffAsync(git => git.WriteBytes("src/blob.rs", [0x2f, 0x2f, 0x00, 0x0a]));
        var changed = await DiffAsync(git => git.WriteBytes("assets/logo.bin", [0x00, 0x02, 0x00]));
        var deleted = await DiffAsync(git => git.Delete("assets/logo.bin"));

        PolicyChecker.Check(added, _policy).Should().Equal(new RejectionReason.BinaryContent("src/blob.rs"));
        PolicyChecker.Check(changed, _policy).Should().Equal(new RejectionReason.BinaryContent("assets/logo.bin"));
        PolicyChecker.Check(deleted, _policy).Should().BeEmpty();
        new RejectionReason.BinaryContent("src/blob.rs").Message.Should().Be(
            "src/blob.rs became binary (a NUL byte or a binary attribute): the policy reads only text, so it rejects binary content");
    }

    [Fact(Timeout = 60_000)]
    public async Task Rewriting_the_configuration_in_use_is_a_protected_change()
    {
        var diff = await DiffAsync(git => git.Write("nightshift.yml", "version: 1\npolicy:\n  max_diff_lines: 100000\n  protected: []\n"));

        PolicyChecker.Check(diff, _loaded).Should().Equal(new RejectionReason.ProtectedPathChanged("nightshift.yml", "nightshift.yml"));
        PolicyChecker.Check(diff, PolicyConfig.DefaultsFor("config/nightly.yml")).Should().BeEmpty("only the file in use is protected by name");
    }

    [Fact(Timeout = 60_000)]
    public async Task Build_scripts_that_run_code_are_protected_by_default()
    {
        // .git paths are protected too (GlobSpecs), though git itself never puts one in a diff.
        var diff = await DiffAsync(git =>
        {
            git.Write("build.rs", "fn main() { std::fs::write(\"/tmp/x\", std::env::var(\"OPENAI_API_KEY\").unwrap_or_default()).ok(); }\n");
            git.Write(".cargo/config.toml", "[build]\nrustflags = []\n");
            git.Write("Directory.Build.props", "<Project />\n");
            git.Write("src/App/App.targets", "<Project />\n");
            git.Write("py/conftest.py", "import os\n");
            git.Write("setup.py", "import os\n");
            git.Write("Makefile", "all:\n\ttrue\n");
            git.Write("native/CMakeLists.txt", "project(x)\n");
        });

        PolicyChecker.Check(diff, _loaded).OfType<RejectionReason.ProtectedPathChanged>().Select(r => (r.Path, r.Glob)).Should().BeEquivalentTo(new[]
        {
            ("build.rs", "**/build.rs"), (".cargo/config.toml", "**/.cargo/config*"), ("Directory.Build.props", "**/Directory.Build.*"),
            ("src/App/App.targets", "**/*.targets"), ("py/conftest.py", "**/conftest.py"), ("setup.py", "**/setup.py"),
            ("Makefile", "**/Makefile"), ("native/CMakeLists.txt", "**/CMakeLists.txt"),
        });
    }

    [Fact(Timeout = 60_000)]
    public async Task A_path_left_out_of_the_protected_list_may_change()
    {
        var diff = await DiffAsync(git => git.Write("build.rs", "fn main() {}\n"));
        var withoutBuildScripts = _loaded with { Protected = [.. _loaded.Protected.Where(glob => glob != "**/build.rs")] };

        PolicyChecker.Check(diff, _loaded).Should().ContainSingle();
        PolicyChecker.Check(diff, withoutBuildScripts).Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_new_symbolic_link_is_rejected_unless_it_points_inside_the_repository()
    {
        var diff = await DiffAsync(git =>
        {
            git.Link("src/up.rs", "../../../etc/passwd");
            git.Link("src/absolute.rs", "/etc/passwd");
            git.Link("src/hooks", "../.git/hooks");
            git.Link("src/inside.rs", "../tests/api.rs");
            git.Link("docs/readme", "../src/./lib.rs");
        });

        PolicyChecker.Check(diff, _policy).Should().BeEquivalentTo(new RejectionReason[]
        {
            new RejectionReason.SymlinkOutside("src/up.rs", "../../../etc/passwd"),
            new RejectionReason.SymlinkOutside("src/absolute.rs", "/etc/passwd"),
            new RejectionReason.SymlinkOutside("src/hooks", "../.git/hooks"),
        }, o => o.RespectingRuntimeTypes());
        new RejectionReason.SymlinkOutside("src/up.rs", "../../../etc/passwd").Message.Should().Be(
            "src/up.rs is a symbolic link to ../../../etc/passwd, outside the repository (or into .git): a fix may only link within it");
    }

    public static TheoryData<string> MarkerNames => [.. SuppressionMarkers.All.Select(m => m.Name)];

    [Theory(Timeout = 10_000)]
    [MemberData(nameof(MarkerNames))]
    public async Task Every_suppression_marker_finds_its_documented_example(string name)
    {
        var marker = SuppressionMarkers.All.Single(m => m.Name == name);
        var path = marker.Files?.Replace("**/", "", StringComparison.Ordinal).Replace("{,.toml}", ".toml", StringComparison.Ordinal) ?? "src/any.file";

        marker.Matches(path, "    " + marker.Example).Should().BeTrue($"'{marker.Pattern}' should find '{marker.Example}' in {path}");
        await Task.CompletedTask;
    }

    [Theory(Timeout = 10_000)]
    [InlineData("src/lib.rs", "#[derive(Debug)]")]
    [InlineData("src/lib.rs", "let allowed = allow(x);")]
    [InlineData("src/lib.rs", "#[test]")]
    [InlineData("src/lib.rs", "// the tests ignore nothing")]
    [InlineData("src/Program.cs", "[Fact]")]
    [InlineData("src/Program.cs", "#pragma warning restore CS0168")]
    [InlineData("app.py", "x = 1  # type of x: int")]
    [InlineData("app.py", "notes = 'noqa is a flake8 comment'")]
    [InlineData("src/config.toml", "dead_code = \"allow\"")]
    [InlineData("Cargo.toml", "name = \"allow-list\"")]
    public async Task Ordinary_code_is_not_taken_for_a_suppression(string path, string line)
    {
        SuppressionMarkers.All.Where(m => m.Matches(path, line)).Select(m => m.Name).Should().BeEmpty();
        await Task.CompletedTask;
    }

    private static async Task<UnifiedDiff> DiffAsync(Action<GitChange> edit) =>
        UnifiedDiff.Parse(await GitChange.DiffOfAsync(_crate, edit));
}
