using Nightshift.Execution;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Execution;

public sealed class CommandLineSpecs
{
    [Fact]
    public void Plain_words_stay_bare_and_the_rest_is_single_quoted_for_sh()
    {
        var spec = CommandSpec.Of("git", "commit", "-m", "it's done", "", "--author=A <a@b.c>", "src/x.rs:12");

        CommandLine.Render(spec).Should().Be(@"git commit -m 'it'\''s done' '' '--author=A <a@b.c>' src/x.rs:12");
    }

    [Fact]
    public void Listed_secrets_are_masked_wherever_they_appear()
    {
        var spec = CommandSpec.Of("curl", "-H", "Authorization: Bearer tok-123", "https://x/?key=tok-123") with
        {
            Secrets = ["tok-123"],
        };

        CommandLine.Render(spec).Should().Be("curl -H 'Authorization: Bearer ***' 'https://x/?key=***'");
    }

    [Fact]
    public void Values_of_secret_looking_variables_in_the_environment_are_masked()
    {
        var spec = CommandSpec.Of("agent", "--key=sk-live-abc", "--db", "hunter22", "--home", "/home/me", "exit", "1") with
        {
            Environment = new Dictionary<string, string?>
            {
                ["OPENAI_API_KEY"] = "sk-live-abc",
                ["DB_PASSWORD"] = "hunter22",
                ["HOME"] = "/home/me",
                ["USE_KEY"] = "1",
                ["GONE_TOKEN"] = null,
            },
        };

        CommandLine.Render(spec).Should().Be("agent '--key=***' --db '***' --home /home/me exit 1");
    }

    [Fact]
    public void A_secret_that_contains_another_is_masked_whole()
    {
        var redactor = new Redactor(["abc", "abcdef", ""]);

        redactor.Redact("x abcdef y abc").Should().Be("x *** y ***");
    }

    [Theory]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("anthropic_api_key", true)]
    [InlineData("AWS_SECRET", true)]
    [InlineData("PGPASSWORD", true)]
    [InlineData("DB_PASSWORD_FILE", true)]
    [InlineData("CLIENT_SECRET_ID", true)]
    [InlineData("GITHUB_PAT", true)]
    [InlineData("AWS_CREDENTIALS", true)]
    [InlineData("OPENAI_API_KEY", true)]
    [InlineData("AZURE_CLIENT_SECRET_VALUE", true)]
    [InlineData("GITLAB_PAT", true)]
    [InlineData("AWS_SESSION_ID", true)]
    [InlineData("NPM_CONFIG_APIKEY_FILE", true)]
    [InlineData("CARGO_TARGET_DIR", false)]
    [InlineData("KEYBOARD", false)]
    [InlineData("PATH", false)]
    [InlineData("CARGO_HOME", false)]
    public void Secret_variable_names_are_recognised_by_their_ending(string name, bool secret) =>
        Redactor.IsSecretName(name).Should().Be(secret);

    [Fact(Timeout = 30_000)]
    public async Task A_run_reports_its_command_line_with_secrets_masked()
    {
        var spec = CommandSpec.Of(Binaries.Dummy, "echo", "s3cret-value") with { Secrets = ["s3cret-value"] };

        var result = await new ProcessRunner().RunAsync(spec);

        result.CommandLine.Should().Be($"{Binaries.Dummy} echo '***'");
    }
}
