namespace Nightshift.Configuration;

/// <summary>How a probe's output is read into diagnostics (<c>probe.format</c>, <c>probe.corpus.format</c>).</summary>
public enum DiagnosticFormat
{
    CargoJson,
    RustcJson,
    Rustc,
    Msbuild,
    Gcc,
    Tsc,
    Python,
    Pytest,

    /// <summary>Each line is matched against <see cref="ProbeConfig.Pattern"/>.</summary>
    Regex,
}
