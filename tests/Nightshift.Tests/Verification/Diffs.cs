namespace Nightshift.Tests.Verification;

/// <summary>Attempt diffs made once by real git on a small crate, shared by the verifier's specs.</summary>
internal static class Diffs
{
    private static readonly Dictionary<string, string> _crate = new()
    {
        ["Cargo.toml"] = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
        ["src/lib.rs"] = "pub fn label(x: i32) -> String {\n    x\n}\n\npub fn double(x: i32) -> i32 {\n    x * 2\n}\n",
        ["tests/api.rs"] = "#[test]\nfn doubles() {\n    assert_eq!(demo::double(2), 4);\n}\n",
    };

    private static readonly Lazy<Task<string>> _sourceFix = new(() => GitChange.DiffOfAsync(_crate, git =>
        git.Write("src/lib.rs", git.Read("src/lib.rs").Replace("    x\n}", "    x.to_string()\n}", StringComparison.Ordinal))));

    private static readonly Lazy<Task<string>> _allowAdded = new(() => GitChange.DiffOfAsync(_crate, git =>
        git.Write("src/lib.rs", "#![allow(unused_variables)]\n" + git.Read("src/lib.rs"))));

    private static readonly Lazy<Task<string>> _testEdited = new(() => GitChange.DiffOfAsync(_crate, git =>
    {
        git.Write("src/lib.rs", git.Read("src/lib.rs").Replace("    x\n}", "    x.to_string()\n}", StringComparison.Ordinal));
        git.Write("tests/api.rs", "#[test]\nfn doubles() {}\n");
    }));

    /// <summary>src/lib.rs: the body of label() becomes x.to_string(); 2 changed lines.</summary>
    public static Task<string> SourceFixAsync() => _sourceFix.Value;

    /// <summary>src/lib.rs gains #![allow(unused_variables)] at line 1.</summary>
    public static Task<string> AllowAddedAsync() => _allowAdded.Value;

    /// <summary>The source fix plus an edit of the protected tests/api.rs.</summary>
    public static Task<string> TestEditedAsync() => _testEdited.Value;
}
