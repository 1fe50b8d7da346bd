using Nightshift.Configuration;
using Nightshift.Configuration.Reading;

namespace Nightshift.Workloads.Bench.Suites;

internal sealed partial class SuiteReader
{
    private static readonly string[] _defaultsKeys = ["timeout", "accept", "accept_timeout", "protected", "check"];

    private static readonly string[] _taskKeys =
    [
        "id", "level", "prompt", "workspace", "accept", "accept_files", "accept_timeout", "timeout", "expect_files",
        "solution", "protected", "check",
    ];

    private static readonly string[] _gitWorkspaceKeys = ["git", "ref"];

    private List<BenchTask> ReadTasks(MappingReader root)
    {
        var defaults = ReadDefaults(root);
        var tasks = new List<BenchTask>();
        switch (root.Node("tasks"))
        {
            case null:
                root.Missing("tasks", "list the tasks, each with id, level, prompt, workspace and accept");
                break;
            case SequenceNode { Items.Count: 0 } empty:
                _errors.Add(empty, "tasks", "the list of tasks is empty");
                break;
            case SequenceNode sequence:
                var ids = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var path = KeyPath.Item("tasks", i);
                    if (sequence.Items[i] is not MappingNode item)
                    {
                        _errors.Add(sequence.Items[i], path, $"expected a task (a mapping with id, level, prompt, ...), got {sequence.Items[i].Kind}", _taskKeys, "keys");
                        continue;
                    }

                    var reader = MappingReader.At(_errors, item, path, _taskKeys);
                    if (ReadTask(reader, defaults) is not { } task)
                    {
                        continue;
                    }

                    if (ids.TryGetValue(task.Id, out var first))
                    {
                        _errors.Add(reader.Node("id")!, reader.KeyPathOf("id"), $"duplicate task id; '{task.Id}' is already used at line {first.Line}");
                    }
                    else
                    {
                        ids.Add(task.Id, reader.Node("id")!);
                        tasks.Add(task);
                    }
                }

                break;
            case var other:
                _errors.Add(other, "tasks", $"expected a list of tasks, got {other.Kind}");
                break;
        }

        return tasks;
    }

    private TaskDefaults ReadDefaults(MappingReader root)
    {
        if (root.Section("defaults", _defaultsKeys) is not { } defaults)
        {
            return new TaskDefaults(null, null, null, [], null);
        }

        return new TaskDefaults(
            defaults.Duration("timeout"),
            ReadAccept(defaults),
            defaults.Duration("accept_timeout"),
            ReadWorkspacePaths(defaults, "protected", "glob") ?? [],
            defaults.Command("check"));
    }

    private BenchTask? ReadTask(MappingReader task, TaskDefaults defaults)
    {
        var id = Required(task, "id", "give the task an id, used in run file names and reports");
        if (id is not null && !IsFileSafe(task.Node("id")!, task.KeyPathOf("id"), id, "a task id"))
        {
            id = null;
        }

        var level = Required(task, "level", "give the task a level such as L1 (any label works); statistics are grouped by it");
        var prompt = Required(task, "prompt", "write what the agent is asked to do; it is all the agent is told");
        var workspace = ReadWorkspace(task);
        var accept = ReadAccept(task) ?? defaults.Accept;
        if (accept is null && !task.Has("accept"))
        {
            task.Missing("accept", "give the commands that must succeed after the agent stops, such as [cargo, test], here or in defaults");
        }

        var solutionPath = ExistingPath(task, "solution", directory: null);
        var result = new BenchTask(id ?? "", level ?? "", prompt ?? "", workspace!, accept ?? [])
        {
            AcceptFiles = ExistingPath(task, "accept_files", directory: true),
            Timeout = task.Duration("timeout") ?? defaults.Timeout ?? BenchTask.DefaultTimeout,
            AcceptTimeout = task.Duration("accept_timeout") ?? defaults.AcceptTimeout ?? BenchTask.DefaultTimeout,
            ExpectFiles = ReadWorkspacePaths(task, "expect_files", "path") ?? [],
            Protected = [.. defaults.Protected, .. ReadWorkspacePaths(task, "protected", "glob") ?? []],
            Check = task.Command("check") ?? defaults.Check,
            Solution = solutionPath is null ? null
                : Directory.Exists(solutionPath) ? new BenchSolution.Overlay(solutionPath)
                : new BenchSolution.Patch(solutionPath),
        };

        return id is null || level is null || prompt is null || workspace is null || accept is null ? null : result;
    }

    private static string? Required(MappingReader section, string key, string why)
    {
        if (!section.Has(key))
        {
            section.Missing(key, why);
            return null;
        }

        var text = section.Text(key);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            section.Problem(key, "is empty");
            return null;
        }

        return text;
    }

    private BenchWorkspaceSource? ReadWorkspace(MappingReader task)
    {
        switch (task.Node("workspace"))
        {
            case null:
                task.Missing("workspace", "give the directory the agent starts from (relative to the suite file), or {git: REPOSITORY, ref: REF}");
                return null;
            case ScalarNode:
                return ExistingPath(task, "workspace", directory: true) is { } folder ? new BenchWorkspaceSource.Folder(folder) : null;
            case MappingNode:
                if (task.Section("workspace", _gitWorkspaceKeys) is not { } git)
                {
                    return null;
                }

                if (!git.Has("git"))
                {
                    git.Missing("git", "give the path of the git repository whose tree the workspace starts from");
                    return null;
                }

                return ExistingPath(git, "git", directory: true) is { } repository
                    ? new BenchWorkspaceSource.GitTree(repository, git.Text("ref") ?? "HEAD")
                    : null;
            case var other:
                _errors.Add(other, task.KeyPathOf("workspace"), $"expected a directory or {{git: REPOSITORY, ref: REF}}, got {other.Kind}");
                return null;
        }
    }

    /// <summary>
    /// One command (<c>[cargo, test]</c> or <c>"make check"</c>) or several (<c>[[cargo, build], "make check"]</c>):
    /// a list counts as several commands as soon as one of its items is itself a list.
    /// </summary>
    private List<ConfiguredCommand>? ReadAccept(MappingReader section)
    {
        var path = section.KeyPathOf("accept");
        switch (section.Node("accept"))
        {
            case null:
                return null;
            case SequenceNode { Items.Count: 0 } empty:
                _errors.Add(empty, path, "no commands; give at least one, such as [cargo, test]");
                return null;
            case SequenceNode sequence when sequence.Items.Any(i => i is SequenceNode):
                var commands = new List<ConfiguredCommand>();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (ReadCommand(sequence.Items[i], KeyPath.Item(path, i)) is { } command)
                    {
                        commands.Add(command);
                    }
                }

                return commands.Count == sequence.Items.Count ? commands : null;
            case var node:
                return ReadCommand(node, path) is { } single ? [single] : null;
        }
    }

    private ConfiguredCommand? ReadCommand(ConfigNode node, string path)
    {
        if (Values.Command(_errors, node, path) is not { } command)
        {
            return null;
        }

        if (!command.UsesShell && command.Arguments[0].Any(char.IsWhiteSpace))
        {
            _errors.Add(node, path, $"the program '{command.Arguments[0]}' contains a space: write a shell command as a string " +
                $"(\"{command.Arguments[0]}\") or split the arguments ([{string.Join(", ", command.Arguments[0].Split(' ', StringSplitOptions.RemoveEmptyEntries))}])");
            return null;
        }

        return command;
    }

    private IReadOnlyList<string>? ReadWorkspacePaths(MappingReader section, string key, string what)
    {
        if (section.TextList(key, what, allowSingle: true) is not { } paths)
        {
            return null;
        }

        var node = section.Node(key)!;
        var valid = true;
        for (var i = 0; i < paths.Count; i++)
        {
            var itemNode = node is SequenceNode sequence ? sequence.Items[i] : node;
            var itemPath = node is SequenceNode ? KeyPath.Item(section.KeyPathOf(key), i) : section.KeyPathOf(key);
            valid &= IsInsideWorkspace(itemNode, itemPath, paths[i]);
        }

        return valid ? paths : null;
    }

    private sealed record TaskDefaults(
        TimeSpan? Timeout,
        IReadOnlyList<ConfiguredCommand>? Accept,
        TimeSpan? AcceptTimeout,
        IReadOnlyList<string> Protected,
        ConfiguredCommand? Check);
}
