using System.Formats.Tar;
using System.IO.Compression;
using Nightshift.Agents;
using Nightshift.Execution;
using Nightshift.Tests.Execution;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Bench.Results;

namespace Nightshift.Tests.Bench;

/// <summary>Each failure class, from agents that earn it.</summary>
public sealed class BenchVerdictSpecs : IDisposable
{
    private readonly TempDir _dir = new("bench-verdict");

    [Fact(Timeout = 60_000)]
    public async Task A_wrong_answer_fails_acceptance_and_keeps_its_workspace_diff_and_output()
    {
        var wrong = TinySuite.Answering("wrong", "maybe");
        var suite = TinySuite.Create(_dir).WithAgents(wrong);

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_dir), new TestAgentFactory(wrong));

        var record = new BenchStore(_dir[".nightshift/bench"]).ReadRuns(outcome.Id)["task1-wrong-1"];
        record.Status.Should().Be(RunStatus.Fail);
        record.Failure.Should().Be(FailureClass.AcceptanceFailed);
        record.Reason.Should().Be("sh check.sh exited with 3");
        record.Acceptance.Should().ContainSingle().Which.OutputTail.Should().Be("answer.txt says: maybe");
        record.ChangedFiles.Should().Equal("answer.txt");
        (await File.ReadAllTextAsync(Path.Combine(outcome.Directory, record.Diff!))).Should().Contain("-wrong").And.Contain("+maybe");
        ArchivedFiles(Path.Combine(outcome.Directory, record.Archive!)).Should()
            .Contain(("answer.txt", "maybe\n")).And.Contain(("notes.txt", "do not touch\n")).And.Contain(e => e.Name == "check.sh");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_agent_still_working_at_the_timeout_is_stopped_with_its_whole_process_tree()
    {
        using var spawned = new SpawnedProcesses();
        var runner = TestSandbox.Runner();
        var hanging = new LambdaAgent("hanging", async (request, cancellationToken) =>
        {
            var spec = CommandSpec.Of(Binaries.Dummy, "spawn-children", "2", "120") with
            {
                WorkingDirectory = request.Worktree,
                OnOutput = spawned.Record,
                GracePeriod = TimeSpan.FromMilliseconds(500),
            };
            await runner.RunAsync(spec, cancellationToken);
            return LambdaAgent.Finished();
        });
        var suite = TinySuite.Create(_dir, taskExtra: "    timeout: 4s\n").WithAgents(hanging);

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_dir), new TestAgentFactory(hanging));

        var record = outcome.Manifest.Runs.Single();
        record.Failure.Should().Be(FailureClass.Timeout);
        record.Reason.Should().Contain("4s");
        spawned.Count.Should().Be(3, "the agent started a parent and two children before its time was up");
        (await spawned.SurvivorsAsync()).Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task An_agent_that_crashes_without_a_change_is_an_agent_error_but_a_crash_after_a_right_change_passes()
    {
        var crashing = new LambdaAgent("crashing", (_, _) => throw new InvalidOperationException("model said no"));
        var fixThenCrash = new LambdaAgent("fix-then-crash", async (request, cancellationToken) =>
        {
            await TinySuite.AnswerAsync(request, "right", cancellationToken);
            throw new InvalidOperationException("lost the connection after the fix");
        });
        var erring = new LambdaAgent("erring", (_, _) => Task.FromResult(new AgentResult(AgentStopReason.Error, AgentUsage.None, 3, Error: "bad tool call")));
        var suite = TinySuite.Create(_dir).WithAgents(crashing, fixThenCrash, erring);

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_dir), new TestAgentFactory(crashing, fixThenCrash, erring));

        var runs = outcome.Manifest.Runs.ToDictionary(r => r.Agent);
        runs["crashing"].Failure.Should().Be(FailureClass.AgentError);
        runs["crashing"].Reason.Should().Be("InvalidOperationException: model said no");
        runs["fix-then-crash"].Status.Should().Be(RunStatus.Pass);
        runs["erring"].Failure.Should().Be(FailureClass.AgentError);
        runs["erring"].Reason.Should().Be("bad tool call");
        runs["erring"].Steps.Should().Be(3);
    }

    [Fact(Timeout = 60_000)]
    public async Task Touching_a_protected_file_or_hiding_an_acceptance_file_from_git_is_a_policy_violation()
    {
        var notes = new LambdaAgent("notes", async (request, cancellationToken) =>
        {
            await TinySuite.AnswerAsync(request, "right", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(request.Worktree, "notes.txt"), "touched\n", cancellationToken);
            return LambdaAgent.Finished();
        });
        var hider = new LambdaAgent("hider", async (request, cancellationToken) =>
        {
            await TinySuite.AnswerAsync(request, "nope", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(request.Worktree, "check.sh"), "exit 0\n", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(request.Worktree, ".gitignore"), "check.sh\n", cancellationToken);
            return LambdaAgent.Finished();
        });
        var suite = TinySuite.Create(_dir).WithAgents(notes, hider);

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_dir), new TestAgentFactory(notes, hider));

        var runs = outcome.Manifest.Runs.ToDictionary(r => r.Agent);
        runs["notes"].Failure.Should().Be(FailureClass.PolicyViolation);
        runs["notes"].Violations.Should().Equal("notes.txt (protected) changed");
        runs["hider"].Failure.Should().Be(FailureClass.PolicyViolation);
        runs["hider"].Violations.Should().Equal("check.sh (acceptance file) created");
        runs["hider"].ChangedFiles.Should().NotContain("check.sh", "git does not see it; the guard does");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_change_the_agent_committed_still_counts_and_a_missing_expected_file_fails()
    {
        var committer = new LambdaAgent("committer", async (request, cancellationToken) =>
        {
            await TinySuite.AnswerAsync(request, "right", cancellationToken);
            var git = CommandSpec.Of("git", "-c", "user.name=a", "-c", "user.email=a@b", "commit", "-qam", "fix") with { WorkingDirectory = request.Worktree };
            (await new ProcessRunner().RunAsync(git, cancellationToken)).Succeeded.Should().BeTrue();
            return LambdaAgent.Finished();
        });
        var suite = TinySuite.Create(_dir, ["L1", "L2"]).WithAgents(committer);
        suite = suite with { Tasks = [suite.Tasks[0], suite.Tasks[1] with { ExpectFiles = ["src/new.rs"] }] };

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_dir), new TestAgentFactory(committer));

        outcome.Manifest.Runs[0].Status.Should().Be(RunStatus.Pass);
        outcome.Manifest.Runs[0].ChangedFiles.Should().Equal("answer.txt");
        outcome.Manifest.Runs[1].Failure.Should().Be(FailureClass.AcceptanceFailed);
        outcome.Manifest.Runs[1].Reason.Should().Be("expected src/new.rs, which the agent did not create");
    }

    private static List<(string Name, string Content)> ArchivedFiles(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var files = new List<(string, string)>();
        while (tar.GetNextEntry() is { } entry)
        {
            using var reader = new StreamReader(entry.DataStream!);
            files.Add((entry.Name, reader.ReadToEnd()));
        }

        return files;
    }

    public void Dispose() => _dir.Dispose();
}
