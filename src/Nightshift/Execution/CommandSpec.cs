namespace Nightshift.Execution;

/// <summary>
/// One external command to run: an executable and its argument array (never a shell string,
/// unless the user's configuration asks for a shell), where and how long it may run.
/// </summary>
public sealed record CommandSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to (or, with a null value, removed from) the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Wall-clock limit; null means none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Limit on time without any output on stdout or stderr; null means none.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>Time between the graceful stop (SIGTERM to the process group) and the kill of the whole tree.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Characters kept per stream; past that the head and the tail are kept.</summary>
    public int OutputLimit { get; init; } = 1_000_000;

    /// <summary>Text written to the child's stdin, which is then closed. Null closes stdin at once.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Values replaced by *** whenever this command line is logged or rendered.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>
    /// Set on every command that may run code from a worktree (a probe step, a build, the tests, a repro): the runner
    /// starts it inside its <see cref="Sandboxing.Sandbox"/>, writable only here. Null for Nightshift's own commands (git).
    /// </summary>
    public Sandboxing.Confinement? Confinement { get; init; }

    /// <summary>Called with each line as it arrives (stdout and stderr), for streaming logs and progress.</summary>
    public Action<OutputLine>? OnOutput { get; init; }

    public static CommandSpec Of(string fileName, params string[] arguments) => new(fileName, arguments);
}

/// <summary>One line of a child's output, as it arrived.</summary>
public sealed record OutputLine(OutputChannel Channel, string Text);

public enum OutputChannel
{
    StandardOutput,
    StandardError,
}
