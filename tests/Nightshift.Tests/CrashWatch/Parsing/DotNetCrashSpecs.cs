using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Tests.CrashWatch.Parsing;

public sealed class DotNetCrashSpecs
{
    private const string Project = CrashFixture.Dir + "dotnet/Inventory/";

    [Fact(Timeout = 10_000)]
    public async Task An_unhandled_exception_is_the_outer_exception_with_its_own_frames()
    {
        var crash = CrashFixture.Parse("dotnet-inner-exception.txt");

        crash.Format.Should().Be(CrashFormats.DotNet);
        crash.Kind.Should().Be("System.InvalidOperationException");
        crash.Message.Should().Be("Cannot restock 'sku-404': it is not in the store.");
        crash.FaultingFrame.Should().Be(new CrashFrame("Inventory.RestockService.ReadLevelAsync(String sku)", Project + "RestockService.cs", 19));
        crash.OwnLocations().Should().Equal(
            $"Inventory.RestockService.ReadLevelAsync(String sku) @ {Project}RestockService.cs:19",
            $"Inventory.RestockService.RestockAsync(String sku, Int32 amount) @ {Project}RestockService.cs:7",
            $"Program.<Main>$(String[] args) @ {Project}Program.cs:12");
        crash.Frames[^1].Should().Be(new CrashFrame("Program.<Main>(String[] args)", null, null));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_inner_exception_is_a_related_trace_with_its_own_frames()
    {
        var crash = CrashFixture.Parse("dotnet-inner-exception.txt");

        var inner = crash.Related.Should().ContainSingle().Subject;
        inner.Role.Should().Be(CrashTraceRoles.InnerException);
        inner.Kind.Should().Be("System.Collections.Generic.KeyNotFoundException");
        inner.Message.Should().Be("The given key 'sku-404' was not present in the dictionary.");
        inner.Frames.Select(frame => frame.Location ?? frame.Function).Should().Equal(
            "System.Collections.Generic.Dictionary`2.get_Item(TKey key)",
            Project + "StockStore.cs:10",
            Project + "RestockService.cs:15");
        crash.AllOwnFrames(CrashFixture.IsOwn).Select(frame => frame.Location).Should().Equal(
            Project + "RestockService.cs:19", Project + "RestockService.cs:7", Project + "Program.cs:12",
            Project + "StockStore.cs:10", Project + "RestockService.cs:15");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Async_frames_across_the_thread_pool_read_as_one_stack()
    {
        var crash = CrashFixture.Parse("dotnet-async-null.txt");

        crash.Kind.Should().Be("System.NullReferenceException");
        crash.Message.Should().Be("Object reference not set to an instance of an object.");
        crash.Related.Should().BeEmpty();
        crash.Frames.Should().HaveCount(11, "the 'End of stack trace from previous location' separators are not frames");
        crash.OwnLocations(4).Should().Equal(
            $"Inventory.Audit`1.<>c.<TotalLengthAsync>b__2_1(T item) @ {Project}Audit.cs:7",
            $"Inventory.Audit`1.<TotalLengthAsync>b__2_0() @ {Project}Audit.cs:7",
            $"Inventory.Audit`1.TotalLengthAsync() @ {Project}Audit.cs:7",
            $"Program.<Main>$(String[] args) @ {Project}Program.cs:7");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_exception_logged_among_other_lines_is_found_by_its_frames()
    {
        var log = "info: Microsoft.Hosting.Lifetime[0]\n      Application started.\n" +
                  "Microsoft.Hosting.Lifetime: Content root path: /srv/inventory\n" +
                  "fail: Inventory.Worker[0]\n      Restock failed\n" +
                  CrashFixture.Read("dotnet-inner-exception.txt").Replace("Unhandled exception. ", "", StringComparison.Ordinal);

        var crash = CrashParsers.Parse(log)!;

        crash.Kind.Should().Be("System.InvalidOperationException");
        crash.Related.Should().ContainSingle();
        crash.Frames.Should().Equal(CrashFixture.Parse("dotnet-inner-exception.txt").Frames);
        await Task.CompletedTask;
    }
}
