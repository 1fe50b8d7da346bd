namespace Nightshift.Diagnostics;

/// <summary>How serious a diagnostic is, normalized across tools (gcc's "fatal error" is an Error).</summary>
public enum Severity
{
    Error,
    Warning,
    Note,
    Help,
    Info,
}
