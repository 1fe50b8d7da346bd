using System.Globalization;
using Microsoft.Extensions.AI;
using Nightshift.Agents.Providers;
using Nightshift.Agents.Resilience;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>One retry policy and circuit breaker per provider: what is retried, what is waited for, and what fails.</summary>
public sealed class ResilienceSpecs
{
    private static readonly ChatMessage[] _messages = [new(ChatRole.User, "hello")];

    [Fact(Timeout = 30_000)]
    public async Task A_dead_endpoint_opens_the_circuit_and_a_probe_closes_it_when_the_endpoint_is_back()
    {
        var healthy = false;
        await using var server = await LoopbackServer.StartAsync((request, index) => healthy
            ? request.Path.EndsWith("/models", StringComparison.Ordinal)
                ? LoopbackResponse.Json("""{"object":"list","data":[]}""")
                : OpenAIWire.ToolCall(false, "call_1", "finish", new { summary = "ok" }, 5, 5)
            : OpenAIWire.Error(503, "Service Unavailable"));
        var events = new List<ProviderEvent>();
        using var model = OpenAI(server, events, new ResilienceOptions
        {
            MaxRetries = 4,
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MinimumThroughput = 3,
            FailureRatio = 1.0,
            BreakDuration = TimeSpan.FromMinutes(5),
        });

        var first = await FailureOf(model);
        var second = await FailureOf(model);
        var requestsWhileDown = server.Requests.Count;
        var probeWhileDown = await model.ProbeAsync(CancellationToken.None);
        healthy = true;
        var probeWhenBack = await model.ProbeAsync(CancellationToken.None);
        var reply = await model.GetResponseAsync(_messages, cancellationToken: CancellationToken.None);

        first.Failure.Should().Be(ProviderFailure.EndpointDown, "three failed attempts open the circuit before a fourth is sent");
        first.IsFatal.Should().BeFalse();
        requestsWhileDown.Should().Be(3, "an open circuit sends nothing");
        second.Failure.Should().Be(ProviderFailure.EndpointDown);
        second.RetryAt.Should().NotBeNull();
        probeWhileDown.Should().Be(new EndpointProbe(false, 503, probeWhileDown.Detail));
        probeWhileDown.Detail.Should().StartWith("503 Service Unavailable: ");
        probeWhenBack.IsUp.Should().BeTrue();
        ToolCalls(reply).Should().ContainSingle().Which.Name.Should().Be("finish");
        events.OfType<EndpointDown>().Should().ContainSingle().Which.Reason.Should().Be("503 Service Unavailable");
        events.OfType<EndpointRecovered>().Should().ContainSingle();
        events.IndexOf(events.OfType<EndpointDown>().Single()).Should().BeLessThan(events.IndexOf(events.OfType<EndpointRecovered>().Single()));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_usage_limit_that_resets_soon_is_waited_for()
    {
        // The reset is set when the request arrives, so a slow start cannot make it a thing of the past.
        var reset = "";
        await using var server = await LoopbackServer.StartAsync((_, index) =>
        {
            if (index > 0)
            {
                return AnthropicWire.ToolUse(false, "toolu_1", "finish", new { summary = "ok" }, 5, 5);
            }

            reset = DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return AnthropicWire.Error(429, "rate_limit_error", "usage limit reached", ("anthropic-ratelimit-unified-reset", reset));
        });
        var events = new List<ProviderEvent>();
        using var model = Anthropic(server, events, new ResilienceOptions { MaxRetryAfter = TimeSpan.FromMilliseconds(100), MaxUsageLimitWait = TimeSpan.FromMinutes(1) });

        var reply = await model.GetResponseAsync(_messages, cancellationToken: CancellationToken.None);

        ToolCalls(reply).Should().ContainSingle();
        server.Requests.Should().HaveCount(2);
        events.Should().ContainSingle().Which.Should().BeOfType<UsageLimitReached>()
            .Which.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture).Should().Be(reset);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_usage_limit_that_resets_too_late_fails_at_once_with_the_reset_time()
    {
        var reset = DateTimeOffset.UtcNow.AddHours(3);
        await using var server = await LoopbackServer.StartAsync(
            OpenAIWire.Error(429, $"Usage limit reached, resets at {reset:yyyy-MM-ddTHH:mm:ssZ}"));
        using var model = OpenAI(server, [], new ResilienceOptions { MaxUsageLimitWait = TimeSpan.FromHours(1) });

        var failure = await FailureOf(model);

        failure.Failure.Should().Be(ProviderFailure.UsageLimit);
        failure.StatusCode.Should().Be(429);
        failure.RetryAt.Should().BeCloseTo(reset, TimeSpan.FromSeconds(1));
        failure.ResponseBody.Should().Contain("Usage limit reached");
        server.Requests.Should().HaveCount(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task Refused_credentials_are_fatal_and_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync(OpenAIWire.Error(401, "Incorrect API key provided"));
        using var model = OpenAI(server, [], new ResilienceOptions());

        var failure = await FailureOf(model);

        failure.Failure.Should().Be(ProviderFailure.HttpError);
        failure.IsFatal.Should().BeTrue();
        failure.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        failure.Message.Should().Contain("401").And.Contain("Incorrect API key provided").And.Contain("agent.api_key_env");
        server.Requests.Should().HaveCount(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_endpoint_nobody_listens_on_is_unreachable_after_the_retries()
    {
        Uri unused;
        await using (var server = await LoopbackServer.StartAsync())
        {
            unused = server.BaseUrl;
        }

        var events = new List<ProviderEvent>();
        using var model = ChatClients.Create(new ChatClientOptions("openai", "test-model")
        {
            BaseUrl = new Uri(unused, "v1"),
            Resilience = new ResilienceOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(10) },
            OnEvent = events.Add,
        });

        var failure = await FailureOf(model);
        var probe = await model.ProbeAsync(CancellationToken.None);

        failure.Failure.Should().Be(ProviderFailure.Unreachable);
        failure.Message.Should().Contain("after 3 attempt(s)");
        events.OfType<RetryScheduled>().Select(retry => retry.Attempt).Should().Equal(1, 2);
        probe.IsUp.Should().BeFalse();
        probe.StatusCode.Should().BeNull();
    }

    private static EndpointChatClient OpenAI(LoopbackServer server, List<ProviderEvent> events, ResilienceOptions resilience) =>
        ChatClients.Create(new ChatClientOptions("openai", "test-model") { BaseUrl = new Uri(server.BaseUrl, "v1"), ApiKey = "sk-test", Resilience = resilience, OnEvent = events.Add });

    private static EndpointChatClient Anthropic(LoopbackServer server, List<ProviderEvent> events, ResilienceOptions resilience) =>
        ChatClients.Create(new ChatClientOptions("anthropic", "claude-test") { BaseUrl = server.BaseUrl, ApiKey = "sk-ant-test", Resilience = resilience, OnEvent = events.Add });

    private static IEnumerable<FunctionCallContent> ToolCalls(ChatResponse reply) =>
        reply.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>();

    private static async Task<ProviderException> FailureOf(EndpointChatClient model)
    {
        var call = () => model.GetResponseAsync(_messages, cancellationToken: CancellationToken.None);
        return (await call.Should().ThrowAsync<ProviderException>()).Which;
    }
}
