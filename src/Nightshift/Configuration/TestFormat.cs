namespace Nightshift.Configuration;

/// <summary>How the test command's results are read (<c>tests.format</c>).</summary>
public enum TestFormat
{
    CargoTest,

    /// <summary>Visual Studio test results; read from the files matching <see cref="TestsConfig.Results"/>.</summary>
    Trx,

    /// <summary>JUnit XML; read from the files matching <see cref="TestsConfig.Results"/>.</summary>
    Junit,

    /// <summary>Only the exit code counts: zero is a pass, anything else a failure.</summary>
    ExitCode,
}
