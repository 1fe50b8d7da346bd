namespace Nightshift.Workloads.Learn.Koans;

/// <summary>
/// One small broken Rust program with its tests and a reference solution, laid out as
/// <c>&lt;category&gt;/&lt;id&gt;/{Cargo.toml, src/lib.rs, src/tests.rs, solution/lib.rs}</c>.
/// </summary>
/// <param name="Id">Unique across the set; also the directory name.</param>
/// <param name="Category">borrow, traits or result-option for the bundled set.</param>
/// <param name="Difficulty">1 (one obvious edit) to 3 (needs restructuring).</param>
/// <param name="Split">Train or the frozen eval set.</param>
/// <param name="Title">One line a person reads.</param>
/// <param name="Directory">The koan's folder, absolute.</param>
public sealed record Koan(string Id, string Category, int Difficulty, KoanSplit Split, string Title, string Directory)
{
    /// <summary>The file an agent edits, relative to the koan (and to its workspace).</summary>
    public const string SourceFile = "src/lib.rs";

    /// <summary>The tests, relative to the koan; restored before every check so a fix cannot change them.</summary>
    public const string TestsFile = "src/tests.rs";

    /// <summary>The reference solution, relative to the koan: it replaces <see cref="SourceFile"/>.</summary>
    public const string SolutionFile = "solution/lib.rs";

    public const string CargoFile = "Cargo.toml";

    /// <summary>The files a workspace of this koan starts with (never the solution).</summary>
    public static IReadOnlyList<string> WorkspaceFiles { get; } = [CargoFile, SourceFile, TestsFile];

    public string SourcePath => Path.Combine(Directory, SourceFile);

    public string TestsPath => Path.Combine(Directory, TestsFile);

    public string SolutionPath => Path.Combine(Directory, SolutionFile);

    public bool IsEval => Split == KoanSplit.Eval;
}
