using System.Diagnostics.CodeAnalysis;

namespace Nightshift.Testing;

/// <summary>The configuration names of <see cref="TestFormat"/> values.</summary>
public static class TestFormats
{
    private static readonly Dictionary<string, TestFormat> _byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cargo-test"] = TestFormat.CargoTest,
        ["trx"] = TestFormat.Trx,
        ["junit"] = TestFormat.JUnit,
        ["exit-code"] = TestFormat.ExitCode,
    };

    /// <summary>Every configuration name, in declaration order, for help and error messages.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. _byName.Keys];

    public static string Name(this TestFormat format) => _byName.First(pair => pair.Value == format).Key;

    public static bool TryParse(string name, [NotNullWhen(true)] out TestFormat? format)
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
