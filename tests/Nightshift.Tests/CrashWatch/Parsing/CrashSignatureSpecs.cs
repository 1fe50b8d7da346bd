using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Tests.CrashWatch.Parsing;

public sealed class CrashSignatureSpecs
{
    private static CrashSignature SignatureOf(string fixture) => CrashSignature.Of(CrashFixture.Parse(fixture), CrashFixture.IsOwn);

    [Fact(Timeout = 10_000)]
    public async Task The_signature_is_the_kind_and_the_top_own_frames_by_function_and_file()
    {
        SignatureOf("asan-use-after-free.txt").Value.Should().Be(
            "heap-use-after-free @ Creature::Update (Creature.cpp) < Map::Update (Map.cpp) < main (main.cpp)");
        SignatureOf("trinitycore-access-violation.txt").Value.Should().Be(
            "ACCESS_VIOLATION @ Creature::~Creature (Creature.cpp) < Map::RemoveFromMap (Map.cpp) < Map::Update (Map.cpp)");
        SignatureOf("rust-panic-expect.txt").Value.Should().Be(
            "panic (port must be a number) @ relay::config::Config::port (config.rs) < relay::start (main.rs) < relay::main (main.rs)");
        SignatureOf("dotnet-async-null.txt").Value.Should().Be(
            "System.NullReferenceException @ Inventory.Audit.<>c.<TotalLengthAsync>b__ (Audit.cs)"
            + " < Inventory.Audit.<TotalLengthAsync>b__ (Audit.cs) < Inventory.Audit.TotalLengthAsync (Audit.cs)");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_same_crash_with_other_lines_addresses_and_timestamps_has_the_same_signature()
    {
        SignatureOf("asan-use-after-free-shifted.txt").Should().Be(SignatureOf("asan-use-after-free.txt"));
        SignatureOf("gdb-segv-shifted.txt").Should().Be(SignatureOf("gdb-segv.txt"));
        SignatureOf("gdb-core.txt").Should().Be(SignatureOf("gdb-segv.txt"));
        SignatureOf("trinitycore-access-violation-later.txt").Should().Be(SignatureOf("trinitycore-access-violation.txt"));
        SignatureOf("rust-panic-full.txt").Should().Be(SignatureOf("rust-panic-backtrace.txt"));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Different_crashes_have_different_signatures()
    {
        var groups = CrashFixture.Names.GroupBy(SignatureOf).Where(group => group.Count() > 1)
            .Select(group => string.Join(" = ", group)).ToList();

        groups.Should().BeEquivalentTo(
            "asan-use-after-free-shifted.txt = asan-use-after-free.txt",
            "gdb-core.txt = gdb-segv-shifted.txt = gdb-segv.txt",
            "rust-panic-backtrace.txt = rust-panic-full.txt",
            "trinitycore-access-violation-later.txt = trinitycore-access-violation.txt",
            "trinitycore-nosymbols-restart.txt = trinitycore-nosymbols.txt");
        CrashFixture.Names.Select(SignatureOf).Distinct().Should().HaveCount(CrashFixture.Names.Count - 6);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Argument_lists_template_arguments_generic_arity_hashes_and_offsets_are_noise()
    {
        static CrashSignature Of(params (string Function, string File)[] frames) =>
            CrashSignature.Of(
                new CrashRecord("test", "crash", "boom", null, [.. frames.Select(f => new CrashFrame(f.Function, f.File, 1))]),
                _ => true);

        Of(("Map::RemoveFromMap<Creature>", @"C:\build\src\Map.cpp")).Should()
            .Be(Of(("Map::RemoveFromMap(Creature*, bool)", "/home/ci/src/Map.cpp")));
        Of(("relay::config::Config::port::h6435b711e92b9b8f", "src/config.rs")).Should()
            .Be(Of(("relay::config::Config::port", "src/config.rs")));
        Of(("Inventory.Store`1.<LoadAsync>d__3.MoveNext()", "Store.cs")).Should()
            .Be(Of(("Inventory.Store`1.LoadAsync(Int32 id)", "Store.cs")));
        Of(("Inventory.Store`1.<>c.<Load>b__2_1(T item)", "Store.cs")).Should()
            .Be(Of(("Inventory.Store`1.<>c.<Load>b__4_0(T item)", "Store.cs")));
        Of(("worldserver!Creature::Update+0x1a", "Creature.cpp")).Should()
            .Be(Of(("worldserver!Creature::Update+0x2f", "Creature.cpp")));
        Of(("<module>", "app.py")).Value.Should().Be("crash @ <module> (app.py)");
        Of(("Creature::Update", "Creature.cpp")).Should().NotBe(Of(("Creature::Update", "Unit.cpp")));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_own_frames_the_top_frames_count_and_without_function_names_the_message()
    {
        var panic = CrashFixture.Parse("rust-panic.txt");

        CrashSignature.Of(panic, CrashFixture.IsOwn).Value.Should().Be(
            "panic (called `Option::unwrap()` on a `None` value) @ (config.rs)");
        CrashSignature.Of(panic with { KindDetail = null, Message = "index 3 out of range for slice of length 2" }, CrashFixture.IsOwn).Value
            .Should().Be("panic @ (config.rs) < index N out of range for slice of length N");
        CrashSignature.Of(CrashFixture.Parse("gdb-segv.txt"), _ => false, frames: 2).Value.Should().Be(
            "SIGSEGV @ __strlen_avx2 (strlen-avx2.S) < Creature::~Creature (Creature.cpp)");
        CrashSignature.Of(new CrashRecord("test", "crash", "worker 0x7f00aa died after 12 s", null, []), _ => true).Value
            .Should().Be("crash @ worker <address> died after N s");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Frames_without_symbols_are_their_module_and_offset_so_a_restart_at_another_load_address_is_the_same_crash()
    {
        var first = CrashFixture.Parse("trinitycore-nosymbols.txt");
        var restarted = CrashFixture.Parse("trinitycore-nosymbols-restart.txt");

        first.Frames[0].Address.Should().NotBe(restarted.Frames[0].Address, "the service was loaded at another address");
        SignatureOf("trinitycore-nosymbols.txt").Value.Should().Be(
            "ACCESS_VIOLATION @ worldserver.exe+1:3F41D4 < worldserver.exe+1:3F45F0 < worldserver.exe+1:5A12B8");
        SignatureOf("trinitycore-nosymbols-restart.txt").Should().Be(SignatureOf("trinitycore-nosymbols.txt"));
        SignatureOf("trinitycore-nosymbols-other.txt").Should().NotBe(SignatureOf("trinitycore-nosymbols.txt"),
            "it faults at another offset of the same module");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_frame_known_only_by_its_absolute_address_counts_by_its_module_alone()
    {
        static CrashSignature Of(params CrashFrame[] frames) =>
            CrashSignature.Of(new CrashRecord("test", "SIGSEGV", "Segmentation fault at 0x00007f3a12c4e000", null, frames), _ => false);

        var here = Of(new CrashFrame("??", null, null, "/lib/x86_64-linux-gnu/libfoo.so", "0x00007ffff7cd44a3"));
        var there = Of(new CrashFrame("??", null, null, "/opt/app/lib/libfoo.so", "0x00007f12a0cd44a3"));

        here.Should().Be(there);
        here.Value.Should().Be("SIGSEGV @ libfoo.so < Segmentation fault at <address>");
        Of(new CrashFrame("??", null, null, "/lib/libfoo.so", "0x7f01", "0x1b2")).Should()
            .NotBe(Of(new CrashFrame("??", null, null, "/lib/libfoo.so", "0x7f01", "0x2c4")));
        await Task.CompletedTask;
    }
}
