namespace Nightshift.Testing;

/// <summary>
/// Where test results are read from. The configuration spells them in kebab case
/// (<c>cargo-test</c>); <see cref="TestFormats"/> maps between the two.
/// </summary>
public enum TestFormat
{
    /// <summary>cargo test's human output (every test binary and the doc-tests).</summary>
    CargoTest,

    /// <summary>A Visual Studio TRX file, as <c>dotnet test --logger trx</c> writes it.</summary>
    Trx,

    /// <summary>A JUnit XML file (pytest --junitxml, Maven Surefire, jest-junit, …).</summary>
    JUnit,

    /// <summary>No per-test results: the command's exit code is one result.</summary>
    ExitCode,
}
