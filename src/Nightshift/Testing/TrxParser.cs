using System.Globalization;
using System.Xml.Linq;

namespace Nightshift.Testing;

/// <summary>
/// Reads a Visual Studio TRX file (<c>dotnet test --logger trx</c>): one result per
/// <c>UnitTestResult</c>, by its <c>outcome</c>. Data-driven parents that hold
/// <c>InnerResults</c> are left out; their rows are the results.
/// </summary>
public sealed class TrxParser : ITestResultParser
{
    public IReadOnlyList<TestResult> Parse(string output, int exitCode)
    {
        var document = XmlDocuments.Load(output, "TRX");
        var results = document.Descendants()
            .Where(e => e.Name.LocalName == "UnitTestResult")
            .Where(e => !e.Descendants().Any(d => d.Name.LocalName == "UnitTestResult"))
            .Select(ToResult)
            .ToList();
        return results.GuardedBy(exitCode);
    }

    private static TestResult ToResult(XElement result)
    {
        var outcome = (string?)result.Attribute("outcome") switch
        {
            "Passed" or "PassedButRunAborted" or "Warning" => TestOutcome.Passed,
            "NotExecuted" or "Inconclusive" or "NotRunnable" or "Pending" or "Disconnected" => TestOutcome.Skipped,
            // Failed, Error, Timeout, Aborted, and whatever a future logger invents.
            _ => TestOutcome.Failed,
        };
        var duration = TimeSpan.TryParse((string?)result.Attribute("duration"), CultureInfo.InvariantCulture, out var d) ? d : (TimeSpan?)null;
        var message = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value.Trim();
        return new TestResult(
            (string?)result.Attribute("testName") ?? "",
            outcome,
            duration,
            string.IsNullOrEmpty(message) ? null : message);
    }
}
