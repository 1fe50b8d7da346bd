using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nightshift.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) that answers every request from a
/// script and records what it received. The script is bounded: past <see cref="MaxRequests"/>, or when
/// the script has no answer left, the server answers 400, which no client retries, so a runaway loop
/// ends quickly and visibly.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    public const int MaxRequests = 64;

    private readonly WebApplication _app;
    private readonly Func<LoopbackRequest, int, LoopbackResponse?> _respond;
    private readonly List<LoopbackRequest> _requests = [];

    private LoopbackServer(WebApplication app, Func<LoopbackRequest, int, LoopbackResponse?> respond)
    {
        _app = app;
        _respond = respond;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<LoopbackRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Answers the n-th request (0-based) with the n-th response of the script.</summary>
    public static Task<LoopbackServer> StartAsync(params LoopbackResponse[] script) =>
        StartAsync((_, index) => index < script.Length ? script[index] : null);

    /// <summary>Answers each request with what <paramref name="respond"/> returns for it and its 0-based index.</summary>
    public static async Task<LoopbackServer> StartAsync(Func<LoopbackRequest, int, LoopbackResponse?> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var server = new LoopbackServer(app, respond);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new LoopbackRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        int index;
        lock (_requests)
        {
            index = _requests.Count;
            _requests.Add(request);
        }

        var response = index < MaxRequests ? _respond(request, index) : null;
        response ??= LoopbackResponse.Error(400, $$$"""{"error":{"message":"the loopback script has no answer for request {{{index}}}"}}""");
        if (response.Hangs)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Events is { } events)
        {
            foreach (var streamEvent in events)
            {
                await context.Response.WriteAsync(streamEvent, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }

            return;
        }

        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }
}
