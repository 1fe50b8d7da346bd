using Nightshift.Verification;

namespace Nightshift.Tests.Verification;

public sealed class UnifiedDiffSpecs
{
    private static readonly Dictionary<string, string> _start = new()
    {
        ["src/lib.rs"] = "fn one() {}\nfn two() {}\nfn three() {}\nfn four() {}\n",
        ["README.md"] = "# demo\n",
        ["docs/guide.md"] = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\n",
    };

    [Fact(Timeout = 60_000)]
    public async Task Added_lines_carry_their_numbers_in_the_new_file_and_removed_ones_in_the_old()
    {
        var text = await GitChange.DiffOfAsync(_start, git =>
            git.Write("src/lib.rs", "fn zero() {}\nfn one() {}\nfn three() {}\nfn four() {}\nfn five() {}\n"));

        var diff = UnifiedDiff.Parse(text);

        var file = diff.Files.Should().ContainSingle().Subject;
        file.Should().BeEquivalentTo(new { OldPath = "src/lib.rs", NewPath = "src/lib.rs", Kind = FileChangeKind.Modified, IsBinary = false });
        file.Added.Should().Equal(new DiffLine(1, "fn zero() {}"), new DiffLine(5, "fn five() {}"));
        file.Removed.Should().Equal(new DiffLine(2, "fn two() {}"));
        diff.LinesChanged.Should().Be(3);
    }

    [Fact(Timeout = 60_000)]
    public async Task New_deleted_and_renamed_files_are_told_apart()
    {
        var text = await GitChange.DiffOfAsync(_start, git =>
        {
            git.Write("src/new.rs", "pub fn new() {}\n");
            git.Delete("README.md");
            git.Move("docs/guide.md", "docs/manual.md");
        });

        var diff = UnifiedDiff.Parse(text);

        diff.Files.Select(f => (f.OldPath, f.NewPath, f.Kind)).Should().BeEquivalentTo(new (string?, string?, FileChangeKind)[]
        {
            ("README.md", null, FileChangeKind.Deleted),
            ("docs/guide.md", "docs/manual.md", FileChangeKind.Renamed),
            (null, "src/new.rs", FileChangeKind.Added),
        });
        diff.Files.Single(f => f.Kind == FileChangeKind.Added).Added.Should().Equal(new DiffLine(1, "pub fn new() {}"));
        diff.Files.Single(f => f.Kind == FileChangeKind.Renamed).Paths.Should().Equal("docs/guide.md", "docs/manual.md");
        diff.LinesChanged.Should().Be(2, "the pure rename changes no line");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_renamed_and_edited_file_keeps_both_names_and_its_lines()
    {
        var text = await GitChange.DiffOfAsync(_start, git =>
        {
            git.Move("docs/guide.md", "docs/manual.md");
            git.Write("docs/manual.md", "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline eight\n");
        });

        var file = UnifiedDiff.Parse(text).Files.Should().ContainSingle().Subject;

        file.Should().BeEquivalentTo(new { OldPath = "docs/guide.md", NewPath = "docs/manual.md", Kind = FileChangeKind.Renamed });
        file.Added.Should().Equal(new DiffLine(8, "line eight"));
        file.Removed.Should().Equal(new DiffLine(8, "line 8"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Names_with_spaces_quotes_and_non_ascii_characters_are_read_back_exactly()
    {
        var text = await GitChange.DiffOfAsync(_start, git =>
        {
            git.Write("my docs/notes file.md", "a\n");
            git.Write("src/größe \"quoted\".rs", "b\n");
        });

        var diff = UnifiedDiff.Parse(text);

        diff.Files.Select(f => f.Path).Should().BeEquivalentTo("my docs/notes file.md", "src/größe \"quoted\".rs");
    }

    [Fact(Timeout = 60_000)]
    public async Task Binary_files_and_mode_changes_are_changes_without_lines()
    {
        using var git = await GitChange.StartAsync(_start);
        git.WriteBytes("assets/logo.bin", [0, 1, 2, 0, 255]);
        await git.MakeExecutableAsync("src/lib.rs");

        var diff = UnifiedDiff.Parse(await git.DiffAsync());

        diff.Files.Select(f => (f.Path, f.Kind, f.IsBinary)).Should().BeEquivalentTo(new[]
        {
            ("assets/logo.bin", FileChangeKind.Added, true),
            ("src/lib.rs", FileChangeKind.Modified, false),
        });
        diff.IsEmpty.Should().BeFalse();
        diff.LinesChanged.Should().Be(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task Content_that_looks_like_a_file_header_stays_content()
    {
        var start = new Dictionary<string, string> { ["notes.txt"] = "keep\n-- old rule\n++ old plus\nkeep\n" };
        var text = await GitChange.DiffOfAsync(start, git => git.Write("notes.txt", "keep\n++ new plus\n-- new rule\nkeep\n"));

        var file = UnifiedDiff.Parse(text).Files.Should().ContainSingle().Subject;

        text.Should().Contain("\n--- old rule").And.Contain("\n+++ new plus");
        file.Removed.Select(l => l.Text).Should().Equal("-- old rule", "++ old plus");
        file.Added.Select(l => l.Text).Should().Equal("++ new plus", "-- new rule");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_file_that_loses_its_last_newline_is_one_changed_line_each_way()
    {
        var start = new Dictionary<string, string> { ["a.txt"] = "x\ny\n" };
        var text = await GitChange.DiffOfAsync(start, git => git.Write("a.txt", "x\nz"));

        var file = UnifiedDiff.Parse(text).Files.Should().ContainSingle().Subject;

        text.Should().Contain(@"\ No newline at end of file");
        file.Added.Should().Equal(new DiffLine(2, "z"));
        file.Removed.Should().Equal(new DiffLine(2, "y"));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unchanged_tree_and_text_without_a_diff_are_empty()
    {
        var text = await GitChange.DiffOfAsync(_start, _ => { });

        text.Should().BeEmpty();
        UnifiedDiff.Parse(text).IsEmpty.Should().BeTrue();
        UnifiedDiff.Parse("  \n\n").IsEmpty.Should().BeTrue();
        UnifiedDiff.Parse("I fixed it, trust me.\n").IsEmpty.Should().BeTrue();
    }

    [Fact(Timeout = 60_000)]
    public async Task Plain_diff_u_output_is_read_too()
    {
        const string text = """
            --- old/src/a.rs	2026-01-01 10:00:00.000000000 +0000
            +++ new/src/a.rs	2026-01-01 10:05:00.000000000 +0000
            @@ -1,2 +1,2 @@
             fn a() {}
            -fn b() {}
            +fn c() {}
            --- old/src/b.rs	2026-01-01 10:00:00.000000000 +0000
            +++ new/src/b.rs	2026-01-01 10:05:00.000000000 +0000
            @@ -1 +1 @@
            -x
            +y

            """;

        var diff = UnifiedDiff.Parse(text);

        diff.Files.Select(f => f.Path).Should().Equal("src/a.rs", "src/b.rs");
        diff.Files[0].Added.Should().Equal(new DiffLine(2, "fn c() {}"));
        diff.LinesChanged.Should().Be(4);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 60_000)]
    public async Task A_coloured_diff_reads_as_the_plain_one()
    {
        using var git = await GitChange.StartAsync(_start);
        git.Write("README.md", "# demo\nmore\n");
        await git.GitAsync("add", "--all");
        var coloured = await git.GitAsync("diff", "--cached", "--color=always", "HEAD");

        var diff = UnifiedDiff.Parse(coloured);

        coloured.Should().Contain("\u001b[");
        diff.Files.Should().ContainSingle().Which.Added.Should().Equal(new DiffLine(2, "more"));
    }
}
