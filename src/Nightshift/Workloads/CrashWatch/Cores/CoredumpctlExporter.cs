using System.Globalization;
using System.Text.Json;
using Nightshift.Execution;

namespace Nightshift.Workloads.CrashWatch.Cores;

/// <summary>
/// <c>crash.cores: coredumpctl</c>: every <c>crash.poll</c>, <c>coredumpctl list --json=short EXECUTABLE</c> lists the cores
/// systemd-coredump kept since the session started, and each new one is exported with <c>coredumpctl dump</c> into
/// <c>.nightshift/crash-watch/cores/</c>, the folder the watcher takes cores from: one path from a core to the queue,
/// whichever keeps the cores.
/// </summary>
internal sealed class CoredumpctlExporter(ProcessRunner runner, Func<string> executable, string folder, DateTimeOffset since)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(2);
    private readonly HashSet<string> _exported = new(StringComparer.Ordinal);

    /// <summary>Called with what went wrong when coredumpctl fails (the session alerts once per distinct problem).</summary>
    public Func<string, CancellationToken, Task>? OnProblem { get; init; }

    public async Task RunAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(poll);
        try
        {
            do
            {
                await ExportNewAsync(cancellationToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Exports the cores listed now and not exported yet; returns how many.</summary>
    public async Task<int> ExportNewAsync(CancellationToken cancellationToken)
    {
        var list = await RunAsync(
            ["list", "--no-pager", "--json=short", $"--since=@{since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}", executable()],
            cancellationToken).ConfigureAwait(false);
        if (list is null || string.IsNullOrWhiteSpace(list.StandardOutput))
        {
            return 0; // exit 1 and no output: no core yet
        }

        var exported = 0;
        foreach (var (pid, time) in Entries(list.StandardOutput).Where(e => !_exported.Contains(e.Key)).Select(e => (e.Pid, e.Time)))
        {
            var name = $"{pid}-{time}";
            var partial = Path.Combine(folder, name + ".partial");
            Directory.CreateDirectory(folder);
            var dump = await RunAsync(["dump", "--no-pager", $"--output={partial}", pid], cancellationToken).ConfigureAwait(false);
            _exported.Add(name);
            if (dump is { Succeeded: true } && File.Exists(partial))
            {
                // Renamed whole into the watched name, so the watcher never takes half a core.
                File.Move(partial, Path.Combine(folder, name + ".core"), overwrite: true);
                exported++;
            }
            else if (OnProblem is not null)
            {
                await OnProblem($"coredumpctl dump of process {pid} failed: {dump?.StandardError.Trim()}", cancellationToken).ConfigureAwait(false);
            }
        }

        return exported;
    }

    private async Task<CommandResult?> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await runner.RunAsync(new CommandSpec("coredumpctl", arguments) { Timeout = _timeout }, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandStartException e)
        {
            if (OnProblem is not null)
            {
                await OnProblem($"coredumpctl could not be started: {e.Message}", cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
    }

    // coredumpctl's JSON: an array of { "time": µs since the epoch, "pid", "corefile": "present" | "missing" | ..., "exe" }.
    private static IEnumerable<(string Key, string Pid, string Time)> Entries(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            yield break;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                yield break;
            }

            foreach (var entry in document.RootElement.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object
                    && entry.TryGetProperty("pid", out var pid) && entry.TryGetProperty("time", out var time)
                    && (!entry.TryGetProperty("corefile", out var corefile) || corefile.ToString() == "present"))
                {
                    var (p, t) = (pid.ToString(), time.ToString());
                    yield return ($"{p}-{t}", p, t);
                }
            }
        }
    }
}
