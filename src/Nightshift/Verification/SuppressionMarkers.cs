namespace Nightshift.Verification;

/// <summary>
/// The suppressions <c>policy.forbid_suppressions</c> rejects when a diff adds them. Markers apply to
/// every file unless they name one: a missed suppression lands a silenced diagnostic, while a false
/// alarm (a fix that writes "# noqa" into a README) costs one retry, so the list errs on finding too
/// much. A suppression a diff only moves (the same line removed elsewhere in it) is not new.
/// </summary>
public static class SuppressionMarkers
{
    public static IReadOnlyList<SuppressionMarker> All { get; } =
    [
        // Rust: lint attributes (expect silences as allow does, and warns only once the lint stops firing).
        new("Rust allow/expect attribute", @"#!?\[\s*(?:allow|expect)\s*\(", "#[allow(dead_code)]"),
        new("Rust cfg_attr allow/expect", @"#!?\[\s*cfg_attr\s*\(.*\b(?:allow|expect)\s*\(", "#![cfg_attr(test, allow(unused))]"),
        new("Rust ignored test", @"#\[\s*ignore\b", "#[ignore = \"slow\"]"),
        new("Cargo lint level allow", @"^\s*[\w:-]+\s*=\s*(?:""allow""|\{[^}]*level\s*=\s*""allow"")", "dead_code = \"allow\"", "**/Cargo.toml"),
        new("rustc -A/--cap-lints flag", @"(?<![\w-])-A(?=[\s""',]|\w)|--cap-lints\b", "rustflags = [\"-A\", \"warnings\"]", "**/.cargo/config{,.toml}"),

        // C#, MSBuild and C/C++ pragmas.
        new("#pragma warning disable", @"#\s*pragma\s+warning\s*\(?\s*disable", "#pragma warning disable CS0168"),
        new("#pragma diagnostic ignored", @"#\s*pragma\s+(?:GCC|clang)\s+diagnostic\s+ignored", "#pragma GCC diagnostic ignored \"-Wunused\""),
        new("#nullable disable", @"#\s*nullable\s+disable", "#nullable disable"),
        new("SuppressMessage attribute", @"\bSuppressMessage\s*\(", "[SuppressMessage(\"Style\", \"IDE0060\")]"),
        new("skipped xunit test", @"\[\s*(?:Fact|Theory)\s*\([^)]*\bSkip\s*=", "[Fact(Skip = \"flaky\")]"),
        new("[Ignore] test attribute", @"\[\s*Ignore\s*[\](]", "[Ignore]"),
        new("ReSharper disable comment", @"//\s*ReSharper\s+disable", "// ReSharper disable once UnusedVariable"),
        new("MSBuild NoWarn", @"<\s*NoWarn\b", "<NoWarn>$(NoWarn);CS0168</NoWarn>"),
        new("MSBuild warnings not errors", @"<\s*TreatWarningsAsErrors\s*>\s*false", "<TreatWarningsAsErrors>false</TreatWarningsAsErrors>"),
        new(".editorconfig severity lowered", @"\bdotnet_diagnostic\.[^.\s]+\.severity\s*=\s*(?:none|silent|suggestion)", "dotnet_diagnostic.CA1822.severity = none"),
        new("clang-tidy NOLINT", @"\bNOLINT(?:NEXTLINE|BEGIN)?\b", "int x; // NOLINT"),

        // TypeScript and JavaScript.
        new("@ts-ignore", @"@ts-ignore\b", "// @ts-ignore"),
        new("@ts-expect-error", @"@ts-expect-error\b", "// @ts-expect-error"),
        new("@ts-nocheck", @"@ts-nocheck\b", "// @ts-nocheck"),
        new("eslint-disable comment", @"eslint-disable", "// eslint-disable-next-line no-unused-vars"),
        new("skipped JavaScript test", @"\b(?:it|test|describe)\.skip\s*\(", "it.skip('adds', () => {"),

        // Python.
        new("# type: ignore", @"#\s*type:\s*ignore\b", "x = f()  # type: ignore[assignment]"),
        new("# noqa", @"(?i)#\s*noqa\b", "import os  # noqa: F401"),
        new("# pylint: disable", @"#\s*pylint:\s*disable", "# pylint: disable=unused-import"),
        new("# pyright: ignore", @"#\s*pyright:\s*ignore\b", "x = f()  # pyright: ignore"),
        new("skipped pytest test", @"@pytest\.mark\.(?:skip|skipif|xfail)\b", "@pytest.mark.skip(reason=\"later\")"),
        new("skipped unittest test", @"@unittest\.(?:skip|skipIf|skipUnless|expectedFailure)\b", "@unittest.skip(\"later\")"),

        // Go, Java and Kotlin.
        new("//nolint", @"//\s*nolint\b", "x := f() //nolint:errcheck"),
        new("@SuppressWarnings", @"@Suppress(?:Warnings)?\s*\(", "@SuppressWarnings(\"unchecked\")"),
        new("disabled JUnit test", @"@(?:Disabled|Ignore)\b", "@Disabled"),
    ];
}
