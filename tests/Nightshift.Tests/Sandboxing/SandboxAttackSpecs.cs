using System.Net;
using System.Net.Sockets;
using System.Text;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Sandboxing;

/// <summary>
/// Issue 14's attacks replayed through the real CLI: <c>nightshift verify</c> of a patch whose build.rs writes outside
/// the worktree, into the user's .git (hooks, config, refs) and working tree, repoints the worktree's .git, reads the
/// model key from the environment and calls a loopback listener. Inside the sandbox every attempt fails, the
/// repository is byte-identical afterwards and the key appears nowhere.
/// </summary>
public sealed class SandboxAttackSpecs
{
    [Fact(Timeout = 600_000)]
    public async Task A_malicious_build_script_in_a_verified_patch_changes_nothing_and_learns_no_secret()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = AcceptAsync(listener);
        using var crate = await AttackCrate.CreateAsync(((IPEndPoint)listener.LocalEndpoint).Port);
        var patch = await crate.WritePatchAsync();
        var before = await crate.FingerprintAsync();

        var result = await CliRun.SubprocessAsync(
            crate.Repo.Path, ["verify", "--patch", patch], new Dictionary<string, string?> { ["OPENAI_API_KEY"] = AttackCrate.Secret });

        result.ExitCode.Should().BeOneOf([0, 1], result.Err);
        var reports = crate.Reports();
        reports.Should().NotBeEmpty("the tests of HEAD + patch ran the build script; stderr:\n" + result.Err);
        foreach (var line in reports.SelectMany(r => r.Split('\n', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!line.StartsWith("private tmp:", StringComparison.Ordinal))
            {
                line.Should().Contain(": failed (", "every escape must fail inside the sandbox");
            }
        }

        (await crate.FingerprintAsync()).Should().Equal(before);
        File.Exists(crate.OutsideFile).Should().BeFalse();
        File.Exists(crate.HostTmpFile).Should().BeFalse();
        accepted.IsCompleted.Should().BeFalse("no connection may reach the loopback listener");
        (result.Out + result.Err).Should().NotContain(AttackCrate.Secret);
        foreach (var file in Directory.EnumerateFiles(crate.Repo[".nightshift"], "*", SearchOption.AllDirectories))
        {
            Encoding.UTF8.GetString(File.ReadAllBytes(file)).Should().NotContain(AttackCrate.Secret, file);
        }
    }

    private static async Task<bool> AcceptAsync(TcpListener listener)
    {
        try
        {
            using var client = await listener.AcceptTcpClientAsync();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
