using System.Collections.Frozen;

namespace Nightshift.Git;

/// <summary>
/// The safety rules of every git command Nightshift runs, checked at the one place commands are run, so that
/// no caller can move, reset or check out the user's branch, write their index, stash or working files, or
/// force anything. The rules are an allow-list: a subcommand that is not named here is refused, and so is an
/// option that a subcommand here does not need.
/// </summary>
/// <remarks>
/// The guard looks at the shape of a command. The rules that need the repository's state (never move a branch
/// that is checked out somewhere, only ever move a branch forward) are checked by <see cref="GitRepository"/>
/// right before update-ref and push, also in its single run path.
/// </remarks>
internal static class GitGuard
{
    // Read the repository, write nothing but Nightshift's own files (diff --output goes to the scratch folder).
    private static readonly FrozenSet<string> _readOnly = FrozenSet.Create(
        StringComparer.Ordinal,
        "rev-parse", "status", "diff", "log", "show", "cat-file", "check-ref-format", "for-each-ref", "ls-files", "var",
        "version", "merge-base", "rev-list");

    public static void Check(GitCall call, GitPaths paths)
    {
        if (Why(call, paths) is { } reason)
        {
            throw new UnsafeGitCommandException(call.Display, reason);
        }
    }

    /// <summary>Why <paramref name="call"/> must not run, or null when it may.</summary>
    public static string? Why(GitCall call, GitPaths paths)
    {
        if (call.Arguments.Count == 0)
        {
            return "it names no subcommand";
        }

        var command = GitCommandShape.Of(call.Arguments);
        var workingDirectory = Path.GetFullPath(call.WorkingDirectory ?? paths.RepositoryRoot, paths.RepositoryRoot);
        if (!SameDirectory(workingDirectory, paths.RepositoryRoot) && !paths.IsInAttemptWorktree(workingDirectory))
        {
            return $"it would run in {workingDirectory}, which is neither the repository root nor an attempt's worktree";
        }

        if (command.Options.FirstOrDefault(IsForce) is { } force
            && !(command.Name == "worktree" && command.Positionals is ["remove", ..] && force == "--force")
            && !(command.Name == "clean" && force == "-f" && paths.IsInAttemptWorktree(workingDirectory)))
        {
            return $"{force} forces git past its own safety checks, and Nightshift never forces";
        }

        if (call.IndexFile is { } index && !paths.IsScratch(Path.GetFullPath(index, workingDirectory)))
        {
            return $"its index file {index} is not a scratch index under {paths.State.Scratch}";
        }

        // diff, log and show write their output into a file with --output; only scratch files may be written.
        if (command.Options.FirstOrDefault(o => o.StartsWith("--output", StringComparison.Ordinal)) is { } output
            && !(output.StartsWith("--output=", StringComparison.Ordinal)
                && paths.IsScratch(Path.GetFullPath(output["--output=".Length..], workingDirectory))))
        {
            return $"{output} would write outside the scratch folder {paths.State.Scratch}";
        }

        return command.Name switch
        {
            var name when _readOnly.Contains(name) => null,
            "config" => Config(command),
            "symbolic-ref" => command.OnlyOptions("-q", "--quiet", "--short") ?? Count(command, 1, "it would repoint HEAD"),
            "branch" => command.OnlyOptions() ?? Count(command, 2, "only `git branch <new-name> <commit>` creates a branch without touching others"),
            "update-ref" => UpdateRef(command),
            "commit-tree" => command.OnlyOptions("-p", "--no-gpg-sign"),
            "write-tree" => command.OnlyOptions() ?? IndexScope(call, paths, workingDirectory),
            "read-tree" => command.OnlyOptions() ?? Count(command, 1, "it only loads one tree") ?? IndexScope(call, paths, workingDirectory),
            "add" => command.OnlyOptions("-A", "--all") ?? IndexScope(call, paths, workingDirectory),
            "apply" => Apply(call, command, paths, workingDirectory),
            "worktree" => Worktree(command, paths, workingDirectory),
            "reset" => OwnWorktree(command.Name, paths, workingDirectory) ?? Reset(command),
            "clean" => OwnWorktree(command.Name, paths, workingDirectory) ?? Clean(command),
            "push" => Push(command),
            _ => $"git {command.Name} is not among the commands Nightshift runs (they never touch the user's checkout)",
        };
    }

    private static bool IsForce(string option) =>
        option is "-f" || option.StartsWith("--force", StringComparison.Ordinal)
        || (option.Length > 2 && option[1] != '-' && option.Contains('f', StringComparison.Ordinal));

    private static string? Config(GitCommandShape command) =>
        command.OnlyOptions("--get", "--get-all", "-z", "--null")
        ?? (command.Options.Any(o => o is "--get" or "--get-all") ? null : "git config may only read (--get)");

    private static string? UpdateRef(GitCommandShape command)
    {
        if (command.OnlyOptions() is { } options)
        {
            return options;
        }

        if (command.Positionals is not [var reference, _, var expected])
        {
            return "update-ref must name the ref, the new value and the expected old value (a compare-and-swap)";
        }

        if (!reference.StartsWith("refs/heads/", StringComparison.Ordinal))
        {
            return $"update-ref may only move a branch (refs/heads/...), not {reference}";
        }

        return GitRepository.IsFullObjectName(expected)
            ? null
            : $"the expected old value {expected} must be a full object name";
    }

    private static string? Apply(GitCall call, GitCommandShape command, GitPaths paths, string workingDirectory) =>
        command.OnlyOptions("--3way", "--cached", "--check", "--reverse", "--whitespace=nowarn")
        ?? IndexScope(call, paths, workingDirectory)
        ?? (paths.IsInAttemptWorktree(workingDirectory) || command.Options.Contains("--cached")
            ? null
            : "outside an attempt's worktree, apply must use --cached so the user's files are not written");

    // Commands that write an index: the attempt worktree's own index, or a scratch index, never the user's.
    private static string? IndexScope(GitCall call, GitPaths paths, string workingDirectory) =>
        paths.IsInAttemptWorktree(workingDirectory) || call.IndexFile is not null
            ? null
            : $"git {call.Subcommand} would write the user's index; use a scratch index or an attempt's worktree";

    private static string? Worktree(GitCommandShape command, GitPaths paths, string workingDirectory) => command.Positionals switch
    {
        ["list"] => command.OnlyOptions("--porcelain", "-z"),
        ["add", var path, _] => command.OnlyOptions("--detach", "--quiet")
            ?? (command.Options.Contains("--detach") ? null : "an attempt's worktree must be detached, so the session branch stays free")
            ?? AttemptWorktree(path, paths, workingDirectory),
        ["remove", var path] => command.OnlyOptions("--force") ?? AttemptWorktree(path, paths, workingDirectory),
        [var action, ..] => $"git worktree {action} is not run by Nightshift (prune would also drop the records of the user's own "
            + "worktrees whose folders are missing, e.g. on an unmounted disk)",
        _ => "git worktree needs an action",
    };

    private static string? AttemptWorktree(string path, GitPaths paths, string workingDirectory) =>
        paths.IsInAttemptWorktree(Path.GetFullPath(path, workingDirectory))
            ? null
            : $"{path} is not an attempt's worktree under {paths.State.Worktrees}";

    // A reused worktree is reset between attempts: these two commands run only inside one, never in the user's checkout.
    private static string? OwnWorktree(string name, GitPaths paths, string workingDirectory) =>
        paths.IsInAttemptWorktree(workingDirectory)
            ? null
            : $"git {name} runs only in an attempt's worktree under {paths.State.Worktrees}, never in the user's checkout";

    private static string? Reset(GitCommandShape command) =>
        command.OnlyOptions("--hard", "--quiet")
        ?? (command.Options.Contains("--hard") && command.Positionals is [var commit] && GitRepository.IsFullObjectName(commit)
                ? null
                : "reset must be `reset --hard <full commit id>`: the worktree goes back to one commit, and no branch is named");

    private static string? Clean(GitCommandShape command) =>
        command.Options.FirstOrDefault(o => o is not ("-d" or "-f" or "-x" or "-q") && !o.StartsWith("--exclude=", StringComparison.Ordinal)) is { } other
            ? $"git clean does not need {other}"
            : command.Positionals.Count == 0 ? null : "git clean cleans the whole worktree; it names no path";

    private static string? Push(GitCommandShape command)
    {
        if (command.OnlyOptions("--porcelain", "--quiet") is { } options)
        {
            return options;
        }

        // Without a refspec, git pushes what push.default says, which may be the user's branch.
        if (command.Positionals is not [_, var refspec])
        {
            return "push must name the remote and exactly one refspec";
        }

        var parts = refspec.Split(':');
        return parts is [var source, var destination] && source == destination
            && source.StartsWith("refs/heads/", StringComparison.Ordinal) && source.Length > "refs/heads/".Length
            ? null
            : $"the refspec {refspec} must be refs/heads/<branch>:refs/heads/<branch> (a leading + would force it, an empty source would delete)";
    }

    private static string? Count(GitCommandShape command, int expected, string why) =>
        command.Positionals.Count == expected ? null : why;

    private static bool SameDirectory(string a, string b) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)) == Path.TrimEndingDirectorySeparator(Path.GetFullPath(b));
}
