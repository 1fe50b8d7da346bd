using Nightshift.Configuration;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Configuration;

public sealed class ConfigLocatorSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task The_nearest_file_above_the_start_directory_is_found()
    {
        using var repository = new TempDir("locate");
        var file = repository.Write("nightshift.yml", "version: 1\n");
        var nested = Directory.CreateDirectory(repository["src/deep/er"]).FullName;

        await Task.Yield();
        ConfigLocator.Find(nested).Should().Be(file);
        ConfigLocator.Find(repository.Path).Should().Be(file);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_nearer_file_wins_over_one_further_up()
    {
        using var repository = new TempDir("locate");
        repository.Write("nightshift.yml", "version: 1\n");
        var inner = repository.Write("sub/nightshift.yml", "version: 1\n");

        await Task.Yield();
        ConfigLocator.Find(repository["sub"]).Should().Be(inner);
    }

    [Fact(Timeout = 10_000)]
    public async Task Relative_paths_are_anchored_at_the_file_not_at_the_start_directory()
    {
        using var repository = new TempDir("locate");
        repository.Write("nightshift.yml", "version: 1\n");
        var nested = Directory.CreateDirectory(repository["src"]).FullName;

        var config = ConfigLoader.Load(ConfigLocator.Locate(null, nested));

        await Task.Yield();
        config.RepositoryRoot.Should().Be(repository.Path);
        config.ResolvePath("models/latest").Should().Be(repository["models/latest"]);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_explicit_path_is_taken_relative_to_the_working_directory()
    {
        using var repository = new TempDir("locate");
        var file = repository.Write("ci/night.yml", "version: 1\n");

        await Task.Yield();
        ConfigLocator.Locate("ci/night.yml", repository.Path).Should().Be(file);
    }

    [Fact(Timeout = 10_000)]
    public async Task Finding_nothing_is_a_configuration_error_that_suggests_init()
    {
        using var repository = new TempDir("locate");

        await Task.Yield();
        var locate = () => ConfigLocator.Locate(null, repository.Path);
        locate.Should().Throw<ConfigException>().Which.Message.Should()
            .Be($"No nightshift.yml in {repository.Path} or any directory above it. " +
                "Run 'nightshift init' in the repository to write one, or point to one with --config.");
    }
}
