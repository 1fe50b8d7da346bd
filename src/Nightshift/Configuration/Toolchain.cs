using Nightshift.Diagnostics;
using Nightshift.Testing;
namespace Nightshift.Configuration;

/// <summary>
/// What <c>nightshift init</c> found in a directory: how to probe, test and build the project.
/// A null command means the toolchain has no sensible default for it and the template leaves it as an example.
/// </summary>
public sealed record Toolchain
{
    /// <summary>A short name: cargo, dotnet, node, python, cmake, make.</summary>
    public required string Name { get; init; }

    /// <summary>The file that gave the toolchain away, such as Cargo.toml.</summary>
    public required string Evidence { get; init; }

    public required ConfiguredCommand Probe { get; init; }

    public required DiagnosticFormat ProbeFormat { get; init; }

    public ConfiguredCommand? Tests { get; init; }

    public TestFormat TestFormat { get; init; } = TestFormat.ExitCode;

    /// <summary>The glob of the report files the test command writes, for trx and junit.</summary>
    public string? TestResults { get; init; }

    public ConfiguredCommand? Build { get; init; }

    /// <summary>Remarks written as comments at the top of the generated file.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
