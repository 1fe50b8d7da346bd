using System.Collections.Concurrent;
using Nightshift.Tests.Support;
using Nightshift.Workloads.CrashWatch.Watching;

namespace Nightshift.Tests.CrashWatch.Watching;

/// <summary>
/// The watcher hands over a file's text once it stopped growing, finds files with and without change notifications, takes
/// appended text only, retries text it was told is not a crash once the file changes, and remembers across restarts what it took.
/// </summary>
public sealed class CrashFileWatcherSpecs : IDisposable
{
    private readonly TempDir _dir = new("watcher");
    private readonly ConcurrentQueue<CrashFile> _taken = new();

    public void Dispose() => _dir.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task A_report_written_in_pieces_is_taken_once_whole_after_it_stopped_growing()
    {
        // A settle time far above the pauses between the pieces: the report must not be taken half written.
        await using var watch = Start(new WatchOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)));
        await watch.ReadyAsync();

        var path = _dir["crashes/crash-1.txt"];
        await using (var writer = new StreamWriter(path))
        {
            for (var piece = 0; piece < 20; piece++)
            {
                await writer.WriteAsync($"line {piece}\n");
                await writer.FlushAsync();
                await Task.Delay(20);
            }
        }

        var file = await WaitForAsync(1);
        file.Path.Should().Be(path);
        file.Text.Should().Be(string.Concat(Enumerable.Range(0, 20).Select(i => $"line {i}\n")));
        file.Offset.Should().Be(0);
        file.CompletedAt.Should().Be(new DateTimeOffset(File.GetLastWriteTimeUtc(path)));
        _taken.Should().HaveCount(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_change_notifications_the_listing_finds_new_reports()
    {
        await using var watch = Start(new WatchOptions(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50), UseFileEvents: false));
        await watch.ReadyAsync();

        _dir.Write("crashes/a.txt", "first crash\n");
        _dir.Write("crashes/b.txt", "second crash\n");

        await WaitForAsync(2);
        _taken.Select(f => f.Text).Should().BeEquivalentTo(["first crash\n", "second crash\n"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task With_change_notifications_a_report_is_found_long_before_the_next_listing()
    {
        await using var watch = Start(new WatchOptions(TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(50)));
        await watch.ReadyAsync();

        _dir.Write("crashes/now.txt", "crash\n");

        (await WaitForAsync(1)).Text.Should().Be("crash\n");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_folder_created_after_the_start_is_watched_as_soon_as_it_appears()
    {
        // No listing within the test's time: only the notification from the parent folder can find the new folder.
        await using var watch = Start(new WatchOptions(TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(50)), folder: "later/reports/");
        await watch.ReadyAsync();

        _dir.Write("later/reports/crash.txt", "crash\n");

        (await WaitForAsync(1)).Path.Should().Be(_dir["later/reports/crash.txt"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task Text_appended_to_a_log_is_taken_from_where_the_last_take_ended()
    {
        await using var watch = Start(new WatchOptions(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(50)), folder: "crashes/server.log");
        await watch.ReadyAsync();
        var log = _dir.Write("crashes/server.log", "crash one\n");
        await WaitForAsync(1);

        await File.AppendAllTextAsync(log, "crash two\n");

        var second = await WaitForAsync(2);
        second.Text.Should().Be("crash two\n");
        second.Offset.Should().Be("crash one\n".Length);
    }

    [Fact(Timeout = 60_000)]
    public async Task Text_that_is_not_a_crash_is_tried_again_only_once_the_file_changes()
    {
        var offered = 0;
        await using var watch = Start(
            new WatchOptions(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50)),
            handler: file =>
            {
                Interlocked.Increment(ref offered);
                return file.Text.Contains("panicked", StringComparison.Ordinal);
            });
        await watch.ReadyAsync();
        var path = _dir.Write("crashes/partial.txt", "thread 'main' ");
        await WaitUntilAsync(() => Volatile.Read(ref offered) == 1);

        // Several listings pass over the unchanged file; only the rest of the report makes it worth another look.
        await watch.PollsAsync(5);
        Volatile.Read(ref offered).Should().Be(1);
        await File.AppendAllTextAsync(path, "panicked at src/main.rs:1:1:\nboom\n");

        var file = await WaitForAsync(1);
        file.Text.Should().Be("thread 'main' panicked at src/main.rs:1:1:\nboom\n");
        Volatile.Read(ref offered).Should().Be(2);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_restarted_watcher_takes_what_it_missed_and_not_what_it_took()
    {
        var options = new WatchOptions(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50));
        await using (var first = Start(options))
        {
            await first.ReadyAsync();
            _dir.Write("crashes/old.txt", "taken before\n");
            await WaitForAsync(1);
        }

        _dir.Write("crashes/new.txt", "written while down\n");
        await using var second = Start(options);

        (await WaitForAsync(2)).Text.Should().Be("written while down\n");
        await second.PollsAsync(3);
        _taken.Should().HaveCount(2);
    }

    [Fact(Timeout = 60_000)]
    public async Task Skipping_existing_reports_takes_only_new_ones()
    {
        _dir.Write("crashes/old.txt", "from last week\n");
        await using var watch = Start(new WatchOptions(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50)), skipExisting: true);
        await watch.ReadyAsync();

        _dir.Write("crashes/new.txt", "tonight\n");

        (await WaitForAsync(1)).Text.Should().Be("tonight\n");
        await watch.PollsAsync(3);
        _taken.Should().ContainSingle();
    }

    private RunningWatcher Start(WatchOptions options, string folder = "crashes/*.txt", Func<CrashFile, bool>? handler = null, bool skipExisting = false)
    {
        Directory.CreateDirectory(_dir["crashes"]);
        var watcher = new CrashFileWatcher(
            [WatchTarget.Parse(folder, _dir.Path)], options, FileOffsets.Load(_dir[".nightshift/offsets.json"]), _dir[".nightshift"]);
        if (skipExisting)
        {
            watcher.SkipExisting();
        }

        return new RunningWatcher(watcher, options, (file, _) =>
        {
            var take = handler?.Invoke(file) ?? true;
            if (take)
            {
                _taken.Enqueue(file);
            }

            return Task.FromResult(take);
        });
    }

    private async Task<CrashFile> WaitForAsync(int count)
    {
        await WaitUntilAsync(() => _taken.Count >= count);
        return _taken.ElementAt(count - 1);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(20);
        }
    }

    /// <summary>A watcher running in the background until disposed.</summary>
    private sealed class RunningWatcher : IAsyncDisposable
    {
        private readonly CrashFileWatcher _watcher;
        private readonly WatchOptions _options;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        public RunningWatcher(CrashFileWatcher watcher, WatchOptions options, CrashFileWatcher.Handler handler)
        {
            _watcher = watcher;
            _options = options;
            _run = watcher.RunAsync(handler, _stop.Token);
        }

        public Task ReadyAsync() => WaitUntilAsync(() => _watcher.IsReady);

        /// <summary>Lets a few listing intervals pass, so that a file the watcher should leave alone had its chances.</summary>
        public Task PollsAsync(int count) => Task.Delay(_options.Poll * count);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run;
            _watcher.Dispose();
            _stop.Dispose();
        }
    }
}
