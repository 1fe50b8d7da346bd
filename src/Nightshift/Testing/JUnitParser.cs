using System.Globalization;
using System.Xml.Linq;

namespace Nightshift.Testing;

/// <summary>
/// Reads a JUnit XML file (pytest --junitxml, Surefire, jest-junit): one result per
/// <c>testcase</c>, failed when it has a <c>failure</c> or <c>error</c> child (an error at
/// setup or a module that failed to collect is a failure too), skipped with a <c>skipped</c>
/// child, passed otherwise. The name is <c>classname.name</c>.
/// </summary>
public sealed class JUnitParser : ITestResultParser
{
    public IReadOnlyList<TestResult> Parse(string output, int exitCode)
    {
        var document = XmlDocuments.Load(output, "JUnit");
        var results = document.Descendants().Where(e => e.Name.LocalName == "testcase").Select(ToResult).ToList();
        return results.GuardedBy(exitCode);
    }

    private static TestResult ToResult(XElement testCase)
    {
        var name = (string?)testCase.Attribute("name") ?? "";
        var className = (string?)testCase.Attribute("classname");
        var fullName = string.IsNullOrEmpty(className) || name.StartsWith(className + ".", StringComparison.Ordinal) ? name : $"{className}.{name}";
        var duration = double.TryParse((string?)testCase.Attribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : (TimeSpan?)null;

        var failure = testCase.Elements().FirstOrDefault(e => e.Name.LocalName is "failure" or "error");
        if (failure is not null)
        {
            return new TestResult(fullName, TestOutcome.Failed, duration, MessageOf(failure));
        }

        var skipped = testCase.Elements().FirstOrDefault(e => e.Name.LocalName == "skipped");
        return skipped is not null
            ? new TestResult(fullName, TestOutcome.Skipped, duration, MessageOf(skipped))
            : new TestResult(fullName, TestOutcome.Passed, duration);
    }

    private static string? MessageOf(XElement element)
    {
        var message = ((string?)element.Attribute("message"))?.Trim();
        if (string.IsNullOrEmpty(message))
        {
            message = element.Value.Trim();
        }

        return message.Length > 0 ? message : null;
    }
}
