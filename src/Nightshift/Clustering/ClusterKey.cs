using Nightshift.Diagnostics;

namespace Nightshift.Clustering;

/// <summary>
/// What makes diagnostics one cluster: the tool, the severity and the code, or, when the tool
/// gives no code, the message's <see cref="MessageTemplate"/>.
/// <para>
/// Severity is part of the key: an error and a warning with the same code (a lint denied in one
/// crate and warned in another, a -Werror build) are separate clusters, so an error cluster's
/// count is a count of errors only, which is what <c>baseline --json</c> promises.
/// </para>
/// </summary>
public sealed record ClusterKey(string Tool, Severity Severity, string? Code, string? Template)
{
    public static ClusterKey Of(Diagnostic diagnostic) => diagnostic.Code is { Length: > 0 } code
        ? new ClusterKey(diagnostic.Tool, diagnostic.Severity, code, null)
        : new ClusterKey(diagnostic.Tool, diagnostic.Severity, null, MessageTemplate.Normalize(diagnostic.Message));

    /// <summary>"rustc:error:E0308", "python:error:name '{}' is not defined": stable across runs,
    /// fit for a journal or a report.</summary>
    public override string ToString() => $"{Tool}:{Severity.ToString().ToLowerInvariant()}:{Code ?? Template}";
}
