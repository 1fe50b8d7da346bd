using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Tests.CrashWatch.Parsing;

public sealed class PythonCrashSpecs
{
    private const string Project = CrashFixture.Dir + "python/";

    [Fact(Timeout = 10_000)]
    public async Task A_traceback_is_reversed_to_top_of_stack_first()
    {
        var crash = CrashFixture.Parse("python-keyerror.txt");

        crash.Format.Should().Be(CrashFormats.Python);
        crash.Kind.Should().Be("KeyError");
        crash.Message.Should().Be("'fig'");
        crash.FaultingFrame.Should().Be(new CrashFrame("price_for", Project + "pricing.py", 5));
        crash.Frames.Select(frame => frame.Location).Should().Equal(Project + "pricing.py:5", "<string>:1");
        crash.OwnLocations().Should().Equal($"price_for @ {Project}pricing.py:5");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Raise_from_makes_the_earlier_exception_the_cause_of_the_crash()
    {
        var crash = CrashFixture.Parse("python-cause.txt");

        crash.Kind.Should().Be("LookupError");
        crash.Message.Should().Be("order 7 has an unknown sku");
        crash.OwnLocations().Should().Equal($"main @ {Project}orders.py:21", $"<module> @ {Project}orders.py:25");
        var cause = crash.Related.Should().ContainSingle().Subject;
        cause.Should().BeEquivalentTo(new { Role = CrashTraceRoles.Cause, Kind = "KeyError", Message = "'kiwi'" });
        cause.Frames.Select(frame => $"{frame.Function} @ {frame.Line}").Should().Equal(
            "price_for @ 5", "<genexpr> @ 13", "total @ 13", "main @ 19");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_exception_during_handling_has_the_handled_one_as_context()
    {
        var crash = CrashFixture.Parse("python-during-handling.txt");

        crash.Kind.Should().Be("FileNotFoundError");
        crash.Message.Should().Be("[Errno 2] No such file or directory: '/nonexistent/report.log'");
        crash.FaultingFrame.Should().Be(new CrashFrame("describe", Project + "report.py", 10));
        var context = crash.Related.Should().ContainSingle().Subject;
        context.Role.Should().Be(CrashTraceRoles.Context);
        context.Kind.Should().Be("KeyError");
        context.Frames.Select(frame => frame.Location).Should().Equal(Project + "pricing.py:5", Project + "report.py:8");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_crash_on_a_thread_names_the_thread()
    {
        var crash = CrashParsers.Parse("Exception in thread Thread-1 (worker):\n" + CrashFixture.Read("python-keyerror.txt"))!;

        crash.Thread.Should().Be("Thread-1 (worker)");
        crash.Kind.Should().Be("KeyError");
        await Task.CompletedTask;
    }
}
