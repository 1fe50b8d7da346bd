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

    [Fact(Timeout = 5_000)]
    public async Task A_branch_template_renders_the_date_as_year_month_day()
    {
        await Task.CompletedTask;
        LandingTemplates.RenderBranch("nightshift/{date}", new DateOnly(2026, 11, 22)).Should().Be("nightshift/2026-11-22");
        LandingTemplates.RenderBranch("fixes", new DateOnly(2026, 11, 22)).Should().Be("fixes");
    }
}
