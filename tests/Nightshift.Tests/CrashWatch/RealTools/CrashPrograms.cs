using Nightshift.Tests.Support;

namespace Nightshift.Tests.CrashWatch.RealTools;

/// <summary>
/// A tiny C++ "worldserver" with planted crashes, compiled with the real g++ into a temporary folder, and the real
/// outputs of running it: glibc's assertion line, libstdc++'s terminate message, and gdb transcripts
/// (<c>gdb -batch -ex run -ex 'thread apply all bt full'</c>). The modes: <c>null</c> (a null dereference),
/// <c>assert</c> (a failed assert), <c>throw</c> (an uncaught std::runtime_error), <c>thread</c> (a null dereference on
/// a worker thread while a later-created thread is alive, so gdb lists that other thread first), also read back from
/// a core file.
/// </summary>
public sealed class CrashPrograms : IAsyncLifetime
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);

    public TempDir Dir { get; } = new("crash-programs");

    /// <summary>The crashing function's file, as the repository spells it.</summary>
    public const string UpdaterFile = "src/server/game/Maps/MapUpdater.cpp";

    public const string MainFile = "src/server/Main.cpp";

    public async Task InitializeAsync()
    {
        Dir.Write(UpdaterFile, """
            #include <atomic>
            #include <cassert>
            #include <chrono>
            #include <stdexcept>
            #include <thread>

            struct Creature { int health; };
            std::atomic<bool> g_waiterRunning{false};

            int GetHealth(Creature* creature) { return creature->health; }

            int CheckDiff(int diff)
            {
                assert(diff > 0 && "diff must be positive");
                return diff;
            }

            void ReadPacket(int size) { if (size < 20) throw std::runtime_error("packet too short"); }

            void UpdateWorker(Creature* creature)
            {
                while (!g_waiterRunning)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                GetHealth(creature);
            }

            void WaitForever()
            {
                g_waiterRunning = true;
                while (true)
                    std::this_thread::sleep_for(std::chrono::seconds(1));
            }
            """);
        Dir.Write(MainFile, """
            #include <cstring>
            #include <thread>

            struct Creature;
            int GetHealth(Creature* creature);
            int CheckDiff(int diff);
            void ReadPacket(int size);
            void UpdateWorker(Creature* creature);
            void WaitForever();

            int main(int argc, char** argv)
            {
                const char* mode = argc > 1 ? argv[1] : "";
                if (!std::strcmp(mode, "null"))
                    return GetHealth(nullptr);
                if (!std::strcmp(mode, "assert"))
                    return CheckDiff(argc - 3);
                if (!std::strcmp(mode, "throw"))
                    ReadPacket(argc);
                if (!std::strcmp(mode, "thread"))
                {
                    std::thread worker(UpdateWorker, nullptr);
                    std::thread waiter(WaitForever);
                    worker.join();
                    waiter.join();
                }
                return 0;
            }
            """);
        var build = await RunAsync(RequireTool("g++"), ["-g", "-O0", "-pthread", "-o", "worldserver", MainFile, UpdaterFile]);
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"g++ failed: {build.StandardError}");
    }

    /// <summary>What the program prints (stdout then stderr) when it crashes in <paramref name="mode"/>.</summary>
    public async Task<string> RunAsync(string mode)
    {
        var run = await RunAsync(Dir["worldserver"], [mode]);
        run.ExitCode.Should().NotBe(0, $"mode {mode} crashes");
        return run.StandardOutput + run.StandardError;
    }

    /// <summary>
    /// gdb's transcript of the program crashing in <paramref name="mode"/>, every thread's stack with its locals, with the
    /// program's own output where it came (one stream, <c>2&gt;&amp;1</c>, as a server run under gdb logs it).
    /// </summary>
    public async Task<string> UnderGdbAsync(string mode) =>
        (await RunAsync("/bin/sh", ["-c", "exec \"$@\" 2>&1", "sh", RequireTool("gdb"),
            "-batch", "-nx", "-iex", "set debuginfod enabled off", "-ex", "run", "-ex", "thread apply all bt full", "--args", "./worldserver", mode]))
        .StandardOutput;

    /// <summary>
    /// gdb's transcript of reading back a core file of the program crashed in <paramref name="mode"/>, as crash-watch
    /// would read a core: gdb writes the core at the crash (<c>generate-core-file</c>, the same ELF core the kernel writes,
    /// without depending on the machine's core_pattern), then a second gdb reads it in batch mode.
    /// </summary>
    public async Task<string> FromCoreAsync(string mode)
    {
        var gdb = RequireTool("gdb");
        var core = $"core.{mode}";
        await RunAsync(gdb, ["-batch", "-nx", "-iex", "set debuginfod enabled off", "-ex", "run", "-ex", $"generate-core-file {core}", "--args", "./worldserver", mode]);
        File.Exists(Dir[core]).Should().BeTrue("gdb wrote the core file");
        var read = await RunAsync(gdb, ["-batch", "-nx", "-iex", "set debuginfod enabled off", "-ex", "thread apply all bt full", "./worldserver", core]);
        return read.StandardOutput + read.StandardError;
    }

    /// <summary>
    /// A real core of <paramref name="program"/> (a copy of the program, made on first use, when not <c>worldserver</c>)
    /// crashed in <paramref name="mode"/> with <paramref name="folder"/> as its working directory: the kernel's, with the
    /// soft core limit raised in the child, when the machine's core_pattern writes a file there; else gdb's
    /// <c>generate-core-file</c> at the crash (a CI machine whose core_pattern pipes cores to apport or systemd).
    /// </summary>
    public async Task<string> DumpCoreAsync(string mode, string folder, string program = "worldserver")
    {
        if (!File.Exists(Dir[program]))
            File.Copy(Dir["worldserver"], Dir[program]);
        Directory.CreateDirectory(folder);
        var before = Directory.GetFiles(folder).ToDictionary(f => f, File.GetLastWriteTimeUtc, StringComparer.Ordinal);
        await ToolRun.RunAsync("/bin/sh", ["-c", "ulimit -c unlimited; exec \"$0\" \"$1\"", Dir[program], mode], folder,
            new Dictionary<string, string> { ["LC_ALL"] = "C" }, _timeout, CancellationToken.None);
        var written = Directory.GetFiles(folder)
            .Where(f => Path.GetFileName(f).StartsWith("core", StringComparison.Ordinal) && (!before.TryGetValue(f, out var was) || was != File.GetLastWriteTimeUtc(f)))
            .ToList();
        if (written is [var kernelCore])
            return kernelCore;

        var core = Path.Combine(folder, $"core.{program}-{mode}");
        await RunAsync(RequireTool("gdb"), ["-batch", "-nx", "-iex", "set debuginfod enabled off", "-ex", "run", "-ex", $"generate-core-file {core}", "--args", Dir[program], mode]);
        File.Exists(core).Should().BeTrue("gdb wrote the core file");
        return core;
    }

    public Task DisposeAsync()
    {
        Dir.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The tool's path; a missing tool fails the test with how to install it rather than skipping it (issue 18):
    /// CI installs gdb in .ci/run.
    /// </summary>
    private static string RequireTool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            $"'{name}' is not on PATH; these specs run the real tool. Install it (apt-get install -y {name}); .ci/run does.");

    private Task<ToolRun> RunAsync(string program, string[] arguments) =>
        ToolRun.RunAsync(program, arguments, Dir.Path, new Dictionary<string, string> { ["LC_ALL"] = "C" }, _timeout, CancellationToken.None);
}
