using Nightshift.Execution.Sandboxing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Sandboxing;

/// <summary>The environment a confined command gets, and the order of bubblewrap's mounts.</summary>
public sealed class SandboxArgumentSpecs
{
    [Fact]
    public void The_environment_keeps_the_allow_list_and_what_the_caller_set_and_never_a_secret()
    {
        var inherited = new Dictionary<string, string>
        {
            ["PATH"] = "/usr/bin",
            ["HOME"] = "/home/me",
            ["LC_ALL"] = "C.UTF-8",
            ["OPENAI_API_KEY"] = "sk-1",
            ["GITHUB_TOKEN"] = "ghp_1",
            ["AWS_REGION"] = "eu-west-1",
            ["DB_PASSWORD"] = "pw",
            ["RANDOM_THING"] = "x",
            ["MY_TOOL_HOME"] = "/opt/tool",
        };
        var explicitly = new Dictionary<string, string?> { ["CARGO_TARGET_DIR"] = "/w/target", ["NPM_TOKEN"] = "npm_1" };

        var changes = SandboxEnvironment.Scrub(inherited, explicitly, ["MY_TOOL_HOME"]);

        var seen = inherited.Where(v => !changes.ContainsKey(v.Key)).Select(v => v.Key)
            .Concat(changes.Where(c => c.Value is not null).Select(c => c.Key));
        seen.Should().BeEquivalentTo("PATH", "HOME", "LC_ALL", "MY_TOOL_HOME", "CARGO_TARGET_DIR");
    }

    [Fact]
    public void Git_metadata_goes_read_only_over_the_writable_worktree_and_its_repository_under_it()
    {
        using var dir = new TempDir("confine");
        dir.Write("repo/.git/HEAD", "ref: refs/heads/main\n");
        dir.Write("repo/.git/worktrees/a/commondir", "../..\n");
        dir.Write("repo/.nightshift/worktrees/a/.git", $"gitdir: {dir["repo/.git/worktrees/a"]}\n");
        var worktree = dir["repo/.nightshift/worktrees/a"];

        var arguments = BubblewrapArguments.For(Confinement.Of(worktree, dir["repo/.nightshift/target/worker-0"]), worktree, network: false);

        string.Join(' ', arguments).Should().Be(
            "--unshare-user --unshare-pid --unshare-ipc --unshare-uts --unshare-cgroup-try --unshare-net --cap-drop ALL " +
            "--ro-bind / / --dev /dev --proc /proc --tmpfs /tmp " +
            $"--ro-bind {dir["repo"]} {dir["repo"]} " +
            $"--bind {worktree} {worktree} --bind {dir["repo/.nightshift/target/worker-0"]} {dir["repo/.nightshift/target/worker-0"]} " +
            $"--ro-bind {worktree}/.git {worktree}/.git --ro-bind {dir["repo/.git/worktrees/a"]} {dir["repo/.git/worktrees/a"]} " +
            $"--ro-bind {dir["repo/.git"]} {dir["repo/.git"]} " +
            $"--chdir {worktree}");
        BubblewrapArguments.For(Confinement.Of(worktree), worktree, network: true).Should().NotContain("--unshare-net");
    }
}
