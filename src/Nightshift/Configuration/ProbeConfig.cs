using Nightshift.Diagnostics;
namespace Nightshift.Configuration;

/// <summary>
/// How the health of the repository is measured (<c>probe</c>): exactly one of <see cref="Command"/>
/// (one command that prints diagnostics) or <see cref="Corpus"/> (steps run for each item of a corpus).
/// </summary>
public sealed record ProbeConfig
{
    public ConfiguredCommand? Command { get; init; }

    /// <summary>The format of <see cref="Command"/>'s output; null for a corpus probe, which has its own.</summary>
    public DiagnosticFormat? Format { get; init; }

    /// <summary>A regular expression with named groups (<c>message</c>, and optionally <c>file</c>, <c>line</c>,
    /// <c>column</c>, <c>severity</c>, <c>code</c>), present exactly when the format is <c>regex</c>.</summary>
    public string? Pattern { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Corpus items probed in parallel; 0 means one per processor core.</summary>
    public int Jobs { get; init; }

    /// <summary>Wall-clock limit for one corpus item (all of its steps).</summary>
    public TimeSpan ItemTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public CorpusConfig? Corpus { get; init; }

    /// <summary>The format of the diagnostics this probe produces, whichever kind it is.</summary>
    public DiagnosticFormat OutputFormat => Corpus?.Format ?? Format ?? DiagnosticFormat.RustcJson;

    /// <summary>The named groups a <see cref="Pattern"/> may use; <c>message</c> is required.</summary>
    public static IReadOnlyList<string> PatternGroups { get; } = ["message", "file", "line", "column", "severity", "code"];
}
