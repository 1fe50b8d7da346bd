using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Tests.CrashWatch.Parsing;

public sealed class CrashParsersSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Every_fixture_is_recognized_as_the_format_that_wrote_it()
    {
        var formats = CrashFixture.Names.ToDictionary(name => name, name => CrashParsers.Parse(CrashFixture.Read(name))?.Format);

        formats.Should().HaveCount(27);
        foreach (var (name, format) in formats)
        {
            var expected = name.Split('-')[0] switch
            {
                "rust" => CrashFormats.RustPanic,
                "server" => CrashFormats.ServerAssert,
                "glibc" => CrashFormats.GlibcAssert,
                "cpp" => CrashFormats.CppTerminate,
                var prefix => prefix,
            };
            format.Should().Be(expected, name);
        }

        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Empty_text_garbage_and_ordinary_logs_are_not_crashes()
    {
        string?[] texts =
        [
            null, "", "   \n\r\n\t", "hello world",
            "\0\x01\x02\xff\xfe binary \x1b[31m",
            "2024-03-02 02:14:07 INFO server started on :8085\n2024-03-02 02:14:09 WARN slow query (812 ms)\n",
            "{\"level\":\"error\",\"msg\":\"Exception code: none\"}",
            "[Inferior 1 (process 4242) exited normally]\n",
            "Traceback (most recent call last):\n",
            "   at Foo.Bar() in /src/Foo.cs:line 3\n",
            "#0  0x000055555555526e in main () at src/main.cpp:3\n",
        ];

        texts.Select(CrashParsers.Parse).Should().AllSatisfy(crash => crash.Should().BeNull());
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_report_cut_before_its_crash_is_described_is_not_a_crash_yet()
    {
        static string Cut(string fixture, string before) =>
            CrashFixture.Read(fixture) is var text ? text[..text.IndexOf(before, StringComparison.Ordinal)] : "";

        string[] halfWritten =
        [
            Cut("asan-use-after-free.txt", "SUMMARY:"),
            Cut("gdb-segv.txt", "#0 "),
            Cut("rust-panic.txt", "called"),
            Cut("rust-panic.txt", "` value"),
            Cut("rust-panic-backtrace.txt", "   0:"),
            Cut("dotnet-inner-exception.txt", "   at "),
            Cut("dotnet-inner-exception.txt", "   --- End of inner exception"),
            Cut("python-keyerror.txt", "KeyError"),
            Cut("python-during-handling.txt", "Traceback (most recent call last):\n  File \"/tmp/nightshift-fixtures/crashes/python/report.py\", line 15"),
            Cut("trinitycore-access-violation.txt", "00007FF6F1A2B3C4  000000A8C3FFE6E0"),
            Cut("server-assert-getmap.txt", "  m_currMap"),
            Cut("server-assert-getmap.txt", "Map\nSegmentation"),
            "prog: src/main.cpp:8: int Check(int): Assertion `x > 0' failed.",
            "terminate called after throwing an instance of 'std::runtime_error'\n",
            "terminate called after throwing an instance of 'std::runtime_error'\n  what():  bad pack",
            "[New Thread 0x7ffff7a1d6c0 (LWP 25392)]\n\nThread 2 \"prog\" received signal SIGSEGV, Segmentation fault.\n\nThread 3 (Thread 0x7ffff721c6c0 (LWP 25393) \"prog\"):\n",
        ];

        halfWritten.Select(CrashParsers.Parse).Should().AllSatisfy(crash => crash.Should().BeNull());
        await Task.CompletedTask;
    }

    [Fact(Timeout = 60_000)]
    public async Task No_prefix_of_any_report_makes_a_parser_throw()
    {
        foreach (var name in CrashFixture.Names)
        {
            var text = CrashFixture.Read(name);
            for (var length = 0; length < text.Length; length += text[length] == '\n' ? 1 : 7)
            {
                var act = () => CrashParsers.Parse(text[..length]);
                act.Should().NotThrow($"{name} cut at {length}");
            }
        }

        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Windows_line_endings_read_like_unix_ones()
    {
        foreach (var name in new[] { "gdb-thread.txt", "python-cause.txt", "dotnet-inner-exception.txt", "asan-use-after-free.txt", "rust-panic-backtrace.txt" })
        {
            var unix = CrashFixture.Parse(name);
            var windows = CrashParsers.Parse(CrashFixture.Read(name).Replace("\n", "\r\n", StringComparison.Ordinal))!;

            windows.Should().BeEquivalentTo(unix, name);
        }

        await Task.CompletedTask;
    }
}
