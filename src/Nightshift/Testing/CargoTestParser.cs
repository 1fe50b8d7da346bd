using System.Globalization;
using System.Text.RegularExpressions;
using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Testing;

/// <summary>
/// Reads cargo test's human output: <c>test tests::it_adds ... ok</c> (or <c>FAILED</c>, or
/// <c>ignored[, reason]</c>) for every test binary and the doc-tests. A failed test's message is
/// its "---- name stdout ----" section (the panic and its assertion).
/// </summary>
public sealed partial class CargoTestParser : ITestResultParser
{
    public IReadOnlyList<TestResult> Parse(string output, int exitCode)
    {
        var lines = OutputText.Lines(output);
        var failures = FailureSections(lines);
        var results = new List<TestResult>();
        foreach (var line in lines)
        {
            if (TestLine().Match(line) is not { Success: true } test)
            {
                continue;
            }

            var name = test.Groups["name"].Value;
            var duration = test.Groups["seconds"].Success
                ? TimeSpan.FromSeconds(double.Parse(test.Groups["seconds"].Value, CultureInfo.InvariantCulture))
                : (TimeSpan?)null;
            results.Add(test.Groups["outcome"].Value switch
            {
                "ok" => new TestResult(name, TestOutcome.Passed, duration),
                "FAILED" => new TestResult(name, TestOutcome.Failed, duration, failures.GetValueOrDefault(name)),
                _ => new TestResult(name, TestOutcome.Skipped, duration, test.Groups["reason"].Success ? test.Groups["reason"].Value : null),
            });
        }

        return results.GuardedBy(exitCode);
    }

    private static Dictionary<string, string> FailureSections(string[] lines)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        var text = new List<string>();
        foreach (var line in lines.Append("failures:"))
        {
            var header = SectionHeader().Match(line);
            if (header.Success || line == "failures:" || line.StartsWith("test result:", StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    sections.TryAdd(name, string.Join('\n', text).Trim());
                }

                name = header.Success ? header.Groups["name"].Value : null;
                text.Clear();
            }
            else if (name is not null)
            {
                text.Add(line);
            }
        }

        return sections;
    }

    // "- should panic" and the doc-test "- compile fail" markers describe the test, not its name.
    [GeneratedRegex(@"^test (?<name>.+?)(?: - (?:should panic|compile fail|compile))? \.\.\. (?<outcome>ok|FAILED|ignored)(?:, (?<reason>.+?))?(?: <(?<seconds>\d+(?:\.\d+)?)s>)?$")]
    private static partial Regex TestLine();

    [GeneratedRegex(@"^---- (?<name>.+) stdout ----$")]
    private static partial Regex SectionHeader();
}
