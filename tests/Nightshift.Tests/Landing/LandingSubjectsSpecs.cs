using Nightshift.Landing;

namespace Nightshift.Tests.Landing;

public sealed class LandingSubjectsSpecs
{
    [Theory(Timeout = 5_000)]
    [InlineData(60, "src/type_mapper.rs, src/rust_gen/expr_gen.rs")]
    [InlineData(40, "type_mapper.rs, expr_gen.rs")]
    [InlineData(26, "type_mapper.rs and 1 more")]
    [InlineData(12, "type_mapper…")]
    public async Task The_changed_files_are_named_as_fully_as_the_room_allows(int room, string subject)
    {
        await Task.CompletedTask;
        var named = LandingSubjects.OfPaths(["src/type_mapper.rs", "src/rust_gen/expr_gen.rs"], room);

        named.Should().Be(subject);
        named.Length.Should().BeLessThanOrEqualTo(room);
    }

    [Fact(Timeout = 5_000)]
    public async Task The_first_paths_and_how_many_more_come_before_bare_file_names_cut_short()
    {
        await Task.CompletedTask;
        LandingSubjects.OfPaths(["src/type_mapper.rs", "src/expr_gen.rs", "src/long_module_name.rs"], 47)
            .Should().Be("src/type_mapper.rs, src/expr_gen.rs and 1 more");
    }

    [Fact(Timeout = 5_000)]
    public async Task Files_of_the_same_name_keep_their_directories()
    {
        await Task.CompletedTask;
        LandingSubjects.OfPaths(["a/mod.rs", "b/mod.rs", "c/mod.rs"], 24).Should().Be("a/mod.rs and 2 more");
    }

    [Fact(Timeout = 5_000)]
    public async Task Text_is_cut_at_a_word_with_an_ellipsis()
    {
        await Task.CompletedTask;
        LandingSubjects.Cut("Map list literals to Vec in the type mapper", 20).Should().Be("Map list literals…");
        LandingSubjects.Cut("short", 20).Should().Be("short");
    }
}
