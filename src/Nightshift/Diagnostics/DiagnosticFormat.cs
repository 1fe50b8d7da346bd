namespace Nightshift.Diagnostics;

/// <summary>
/// The output formats Nightshift reads diagnostics from. The configuration spells them in
/// kebab case (<c>cargo-json</c>); <see cref="DiagnosticFormats"/> maps between the two.
/// </summary>
public enum DiagnosticFormat
{
    /// <summary><c>cargo build|check|clippy --message-format=json</c> on stdout.</summary>
    CargoJson,

    /// <summary><c>rustc --error-format=json</c>: one JSON object per line on stderr.</summary>
    RustcJson,

    /// <summary>rustc's (and so cargo's) human-readable output.</summary>
    Rustc,

    /// <summary>MSBuild's canonical error format, which csc, dotnet build and many tools print.</summary>
    MSBuild,

    /// <summary>gcc and clang: <c>file:line:col: error: message</c>.</summary>
    Gcc,

    /// <summary>The TypeScript compiler, plain or <c>--pretty</c>.</summary>
    Tsc,

    /// <summary>Python tracebacks, including SyntaxError.</summary>
    Python,

    /// <summary>pytest's console output: the short summary, enriched from the failure sections.</summary>
    Pytest,

    /// <summary>A user's regular expression with named groups.</summary>
    Regex,
}
