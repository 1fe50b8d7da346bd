using System.Globalization;
using Nightshift.Files;
using Nightshift.Git;
using Nightshift.Landing;
using Nightshift.Store;
using Nightshift.Workspaces;

namespace Nightshift.Tests.Dummy;

/// <summary>
/// <c>dummy land-and-hang &lt;repo&gt; &lt;session-id&gt; &lt;attempt-id&gt; &lt;branch&gt; &lt;stage&gt;</c>: runs a real attempt and
/// landing with the engine (worktree, a new file, the lander) and, at &lt;stage&gt; (workspace, intent, commit, advanced),
/// prints <c>reached &lt;stage&gt;</c> and hangs there, so a test can kill -9 it at that exact point.
/// </summary>
internal static class LandAndHangMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (repository, stage) = (args[0], args[4]);
        var sessionId = long.Parse(args[1], CultureInfo.InvariantCulture);
        var attemptId = long.Parse(args[2], CultureInfo.InvariantCulture);
        var branch = args[3];
        var ct = CancellationToken.None;

        var git = await GitRepository.OpenAsync(repository, onEvent: e =>
        {
            var reached = e switch
            {
                GitEvent.LandingIntentWritten => "intent",
                GitEvent.LandingCommitCreated => "commit",
                GitEvent.BranchAdvanced => "advanced",
                _ => null,
            };
            if (reached == stage)
            {
                Hang(stage);
            }
        });
        await using var journal = Journal.Open(NightshiftPaths.For(repository).Journal);
        var workspaces = new WorkspaceManager(git, new WorkspaceOptions { Reuse = false }); // a fresh worktree, for the start to prune
        var tip = await git.BranchTipAsync(branch, ct) ?? throw new InvalidOperationException($"no branch {branch}");
        var workspace = await workspaces.CreateAsync($"a{attemptId}", tip, worker: 0, ct);
        await File.WriteAllTextAsync(Path.Combine(workspace.Path, $"fix-{attemptId}.txt"), "fixed\n", ct);
        if (stage == "workspace")
        {
            Hang(stage);
        }

        await using var lander = new Lander(git, journal, workspaces);
        var result = await lander.LandAsync(new LandingRequest(sessionId, attemptId, branch, workspace, "crash test", "fix a crash", "tests 1/1"), ct);
        Console.WriteLine($"finished {result.GetType().Name}");
        return 0;
    }

    private static void Hang(string stage)
    {
        Console.WriteLine($"reached {stage}");
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}
