using System.Diagnostics.CodeAnalysis;

namespace Nightshift.Diagnostics;

/// <summary>The configuration names of <see cref="DiagnosticFormat"/> values.</summary>
public static class DiagnosticFormats
{
    private static readonly Dictionary<string, DiagnosticFormat> _byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cargo-json"] = DiagnosticFormat.CargoJson,
        ["rustc-json"] = DiagnosticFormat.RustcJson,
        ["rustc"] = DiagnosticFormat.Rustc,
        ["msbuild"] = DiagnosticFormat.MSBuild,
        ["gcc"] = DiagnosticFormat.Gcc,
        ["tsc"] = DiagnosticFormat.Tsc,
        ["python"] = DiagnosticFormat.Python,
        ["pytest"] = DiagnosticFormat.Pytest,
        ["regex"] = DiagnosticFormat.Regex,
    };

    /// <summary>Every configuration name, in declaration order, for help and error messages.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. _byName.Keys];

    public static string Name(this DiagnosticFormat format) =>
        _byName.First(pair => pair.Value == format).Key;

    public static bool TryParse(string name, [NotNullWhen(true)] out DiagnosticFormat? format)
    {
        if (_byName.TryGetValue(name.Trim(), out var found))
        {
            format = found;
            return true;
        }

        format = null;
        return false;
    }
}
