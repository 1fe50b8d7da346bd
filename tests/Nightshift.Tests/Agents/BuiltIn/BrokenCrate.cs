using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>
/// A one-file cargo crate with one type error (E0308 at src/main.rs:3), in a temp folder with its own
/// target folder. The source carries <see cref="Secret"/> in a comment, so a transcript that does not
/// redact it shows it.
/// </summary>
internal sealed class BrokenCrate : IDisposable
{
    public const string BrokenLine = "    let count: i32 = \"three\";";
    public const string FixedLine = "    let count: i32 = 3;";

    private readonly TempDir _folder = new("crate");

    public BrokenCrate(string secret)
    {
        Secret = secret;
        _folder.Write("crate/Cargo.toml", "[package]\nname = \"broken\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n");
        _folder.Write("crate/src/main.rs", $"// deploy token: {secret}\nfn main() {{\n{BrokenLine}\n    println!(\"{{count}}\");\n}}\n");
        Directory.CreateDirectory(_folder["target"]);
        Checks = new CargoChecks(Root, _folder["target"]);
    }

    public string Root => _folder["crate"];

    public string Secret { get; }

    public string MainFile => Path.Combine(Root, "src", "main.rs");

    public CargoChecks Checks { get; }

    public string TranscriptFile => _folder["transcript.jsonl"];

    public void Dispose() => _folder.Dispose();
}
