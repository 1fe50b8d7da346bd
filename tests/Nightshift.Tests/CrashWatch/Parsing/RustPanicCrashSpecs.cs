using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Tests.CrashWatch.Parsing;

public sealed class RustPanicCrashSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task A_panic_without_a_backtrace_has_only_its_location()
    {
        var crash = CrashFixture.Parse("rust-panic.txt");

        crash.Format.Should().Be(CrashFormats.RustPanic);
        crash.Kind.Should().Be("panic");
        crash.Message.Should().Be("called `Option::unwrap()` on a `None` value");
        crash.KindDetail.Should().Be("called `Option::unwrap()` on a `None` value");
        crash.Thread.Should().Be("main");
        crash.FaultingFrame.Should().Be(new CrashFrame("??", "src/config.rs", 18));
        crash.Frames.Should().BeEmpty();
        crash.OwnLocations().Should().Equal("?? @ src/config.rs:18");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task With_RUST_BACKTRACE_the_panic_location_is_named_after_its_frame()
    {
        var crash = CrashFixture.Parse("rust-panic-backtrace.txt");

        crash.Message.Should().Be("called `Option::unwrap()` on a `None` value");
        crash.FaultingFrame.Should().Be(new CrashFrame("relay::config::Config::port", "src/config.rs", 18));
        crash.Frames.Should().HaveCount(9);
        crash.Frames[0].Function.Should().Be("__rustc::rust_begin_unwind");
        crash.OwnLocations().Should().Equal(
            "relay::config::Config::port @ ./src/config.rs:18",
            "relay::start @ ./src/main.rs:7",
            "relay::main @ ./src/main.rs:12");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_full_backtrace_keeps_addresses_and_drops_symbol_hashes()
    {
        var crash = CrashFixture.Parse("rust-panic-full.txt");

        crash.Frames.Should().HaveCount(40);
        crash.FaultingFrame!.Function.Should().Be("relay::config::Config::port");
        crash.OwnLocations().Should().Equal(
            $"relay::config::Config::port @ {CrashFixture.Dir}rust/src/config.rs:18",
            $"relay::start @ {CrashFixture.Dir}rust/src/main.rs:7",
            $"relay::main @ {CrashFixture.Dir}rust/src/main.rs:12");
        crash.OwnFrames(CrashFixture.IsOwn)[0].Address.Should().Be("0x555a7ae77718");
        crash.Frames.Should().Contain(frame => frame.Function == "core[c1f1a4ba060b9bfa]::fmt::write" && frame.File == null);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_expect_on_an_error_is_detailed_by_its_own_words_not_the_error_value()
    {
        var crash = CrashFixture.Parse("rust-panic-expect.txt");

        crash.Message.Should().Be("port must be a number: ParseIntError { kind: InvalidDigit }");
        crash.KindDetail.Should().Be("port must be a number");
        crash.FaultingFrame.Should().Be(new CrashFrame("relay::config::Config::port", "src/config.rs", 19));
        crash.Frames[3].Function.Should().Be("core::result::Result<T,E>::expect");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_pre_1_73_one_line_panic_format_is_read_too()
    {
        var crash = CrashParsers.Parse(
            "thread 'worker-2' panicked at 'index out of bounds: the len is 3 but the index is 7', src/queue.rs:41:17\n" +
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n")!;

        crash.Thread.Should().Be("worker-2");
        crash.Message.Should().Be("index out of bounds: the len is 3 but the index is 7");
        crash.FaultingFrame.Should().Be(new CrashFrame("??", "src/queue.rs", 41));
        await Task.CompletedTask;
    }
}
