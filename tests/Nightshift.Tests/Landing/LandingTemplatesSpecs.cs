using Nightshift.Landing;

namespace Nightshift.Tests.Landing;

public sealed class LandingTemplatesSpecs
{
    [Theory(Timeout = 5_000)]
    [InlineData("NS-{n:0000}", 1, "NS-0001")]
    [InlineData("NS-{n:0000}", 12345, "NS-12345")]
    [InlineData("FIX-{n}", 7, "FIX-7")]
    [InlineData("[{n:000}]", 42, "[042]")]
    public async Task A_ticket_template_renders_the_number_with_its_format(string template, long number, string ticket)
    {
        await Task.CompletedTask;
        LandingTemplates.RenderTicket(template, number).Should().Be(ticket);
    }

    [Theory(Timeout = 5_000)]
    [InlineData("NS")]
    [InlineData("NS-{id}")]
    [InlineData("NS-{n}-{date}")]
    public async Task A_ticket_template_without_exactly_the_number_placeholder_is_a_configuration_error(string template)
    {
        await Task.CompletedTask;
        var render = () => LandingTemplates.RenderTicket(template, 1);

        render.Should().Throw<NightshiftException>().WithMessage("landing.ticket*{n}*");
    }

    [Theory(Timeout = 5_000)]
    [InlineData("DEPYLER-{n:0000}", 627L)]
    [InlineData("[FIX {n}]", 12L)]
    [InlineData("NS-{n:0000}", null)]
    [InlineData("{n}", null)]
    [InlineData("#{n}", null)]
    public async Task The_highest_ticket_of_the_templates_form_is_found_in_commit_subjects(string template, long? highest)
    {
        await Task.CompletedTask;
        string[] subjects =
        [
            "DEPYLER-0627: map Vec<i64> to list",
            "Merge pull request #900 from fork/branch",
            "[FIX 12] DEPYLER-0031 follow-up",
            "XDEPYLER-9999 and DEPYLER-99999x are other words",
            "[FIX 7]: older",
        ];

        LandingTemplates.HighestTicket(template, subjects).Should().Be(highest);
    }

    [Theory(Timeout = 5_000)]
    [InlineData("nightshift/{date}", "nightshift/2026-11-22")]
    [InlineData("nightshift/{date}-{time}", "nightshift/2026-11-22-0705")]
    [InlineData("night-{session}", "night-42")]
    [InlineData("fixes", "fixes")]
    public async Task A_branch_template_renders_the_date_the_time_and_the_session(string template, string branch)
    {
        await Task.CompletedTask;
        LandingTemplates.RenderBranch(template, new DateTime(2026, 11, 22, 7, 5, 59), 42).Should().Be(branch);
    }

    [Fact(Timeout = 5_000)]
    public async Task A_branch_template_with_another_placeholder_names_the_ones_it_may_use()
    {
        await Task.CompletedTask;
        var render = () => LandingTemplates.RenderBranch("nightshift/{user}", new DateTime(2026, 11, 22), 1);

        render.Should().Throw<NightshiftException>().WithMessage("landing.branch 'nightshift/{user}'*{date}, {time} and {session}*");
    }
}
