using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Nightshift.Execution;
using Nightshift.Telemetry;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.CrashWatch;

/// <summary>
/// examples/crash-service in a fresh git repository of its own, built with cargo, with its nightshift.yml pointed at a free
/// port: the real service, the real crash reports and the recorded fixes. Disposing stops whatever service crash-watch
/// left running (it outlives the session on purpose).
/// </summary>
internal sealed class CrashServiceRepo : IAsyncDisposable
{
    private static readonly string _example = System.IO.Path.Combine(Binaries.RepositoryRoot, "examples", "crash-service");
    private static readonly TimeSpan _cargoTimeout = TimeSpan.FromMinutes(10);
    private static readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly GitRepo _git;

    private CrashServiceRepo(GitRepo git, int port)
    {
        _git = git;
        Port = port;
    }

    public string Path => _git.Path;

    public int Port { get; }

    public string this[string relative] => _git[relative];

    public string Paths => _git[".nightshift"];

    /// <summary>Copies the example, lets <paramref name="configure"/> edit its nightshift.yml, commits and builds it.</summary>
    public static async Task<CrashServiceRepo> CreateAsync(Func<string, string>? configure = null)
    {
        var git = await GitRepo.InitAsync("crash-service");
        await git.GitAsync("rm", "--quiet", "README.md", "src/lib.rs");
        foreach (var file in Directory.EnumerateFiles(_example, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(_example, file);
            if (!relative.StartsWith("target", StringComparison.Ordinal) && !relative.StartsWith("crashes", StringComparison.Ordinal))
            {
                git.Write(relative, await File.ReadAllTextAsync(file));
            }
        }

        var port = FreePort();
        var config = git.Read("nightshift.yml").Replace("7878", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        git.Write("nightshift.yml", configure?.Invoke(config) ?? config);
        await git.CommitAllAsync("crash-service");
        var build = await ToolRun.RunAsync("cargo", ["build", "--offline", "--quiet"], git.Path, null, _cargoTimeout, CancellationToken.None);
        build.ExitCode.Should().Be(0, build.StandardError);
        return new CrashServiceRepo(git, port);
    }

    /// <summary>GET on the service: the body of a 2xx answer, else null (refused, reset by a crash, an error status).</summary>
    public async Task<string?> GetAsync(string pathAndQuery)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{Port}{pathAndQuery}"));
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public async Task WaitUntilHealthyAsync()
    {
        while (await GetAsync("/health") is null)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>The events of .nightshift/events.jsonl so far.</summary>
    public IReadOnlyList<TelemetryEvent> Events() =>
        File.Exists(System.IO.Path.Combine(Paths, "events.jsonl"))
            ? [.. File.ReadAllLines(System.IO.Path.Combine(Paths, "events.jsonl")).Select(TelemetryEvent.TryParse).OfType<TelemetryEvent>()]
            : [];

    /// <summary>Waits for the <paramref name="count"/>-th event of <paramref name="kind"/> that <paramref name="matches"/>.</summary>
    public async Task<TelemetryEvent> WaitForEventAsync(string kind, int count = 1, Func<TelemetryEvent, bool>? matches = null)
    {
        while (true)
        {
            var found = Events().Where(e => e.Kind == kind && (matches?.Invoke(e) ?? true)).ToList();
            if (found.Count >= count)
            {
                return found[count - 1];
            }

            await Task.Delay(50);
        }
    }

    public IReadOnlyList<Alert> Alerts() => AlertLog.ReadLast(System.IO.Path.Combine(Paths, "alerts.jsonl"), 100);

    /// <summary>The release the service runs from, as .nightshift/crash-watch/service.json records it.</summary>
    public string? RunningRelease()
    {
        var path = System.IO.Path.Combine(Paths, "crash-watch", "service.json");
        return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("release").GetString() : null;
    }

    /// <summary>The live processes whose working directory is in the repository (its releases included), read from /proc.</summary>
    public IReadOnlyList<int> ProcessesInside()
    {
        var inside = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(System.IO.Path.GetFileName(directory), System.Globalization.CultureInfo.InvariantCulture, out var pid)
                    && new DirectoryInfo(System.IO.Path.Combine(directory, "cwd")).LinkTarget is { } cwd
                    && (cwd + "/").StartsWith(Path + "/", StringComparison.Ordinal)
                    && !File.ReadAllText(System.IO.Path.Combine(directory, "stat")).Split(") ")[^1].StartsWith('Z'))
                {
                    inside.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // gone while looking, or not ours to read
            }
        }

        return inside;
    }

    public Task<string> GitAsync(params string[] arguments) => _git.GitAsync(arguments);

    public Task<IReadOnlyList<string>> NightshiftWorktreesAsync() => _git.NightshiftWorktreesAsync();

    public async ValueTask DisposeAsync()
    {
        var path = System.IO.Path.Combine(Paths, "crash-watch", "service.json");
        if (File.Exists(path))
        {
            var state = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            if (state.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.Number
                && DetachedProcess.Find(pid.GetInt32(), state.GetProperty("start_time").GetUInt64()) is { } service)
            {
                await service.StopAsync(TimeSpan.FromSeconds(2), alreadyAsked: false, CancellationToken.None);
            }
        }

        _git.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
