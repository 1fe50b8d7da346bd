namespace Nightshift.Configuration;

/// <summary>
/// Where the service's core files come from (<c>crash.cores</c>): a folder the kernel writes them to (its
/// <c>core_pattern</c>), or systemd's <c>coredumpctl</c>.
/// </summary>
public abstract record CoreSource
{
    /// <summary>The word that selects <see cref="Coredumpctl"/>.</summary>
    public const string CoredumpctlWord = "coredumpctl";

    private CoreSource()
    {
    }

    /// <summary>The text <c>crash.cores</c> was written as.</summary>
    public abstract string Text { get; }

    /// <summary>A folder where new files named <c>core</c>, <c>core.*</c> or <c>*.core</c> are the service's cores.</summary>
    /// <param name="Path">As written: absolute, or relative to the repository.</param>
    public sealed record Folder(string Path) : CoreSource
    {
        public override string Text => Path;
    }

    /// <summary>systemd-coredump keeps the cores; <c>coredumpctl list</c> finds the new ones and <c>coredumpctl dump</c> exports each.</summary>
    public sealed record Coredumpctl : CoreSource
    {
        public override string Text => CoredumpctlWord;
    }
}
