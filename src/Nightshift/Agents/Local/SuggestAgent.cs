namespace Nightshift.Agents.Local;

/// <summary>
/// The offline agent (provider <c>suggest</c>, the default when no model is configured): applies the
/// compiler's own suggestions from the task's diagnostics and from its re-checks, for any tool whose
/// diagnostics carry them (rustc's JSON; gcc and clang fix-its).
/// <list type="number">
/// <item>Each round starts from the latest check of the files. All MachineApplicable suggestions are applied
/// together (non-overlapping; by rustc's byte offsets from the end of each file, else by line and column)
/// and re-checked; the batch stays unless it made things worse, in which case its suggestions are tried
/// like the others.</item>
/// <item>Then each other candidate (MaybeIncorrect, Unspecified such as gcc's fix-its, each alternative of a
/// suggestion that offers several) is tried one at a time: applied, re-checked on the files it touched,
/// kept only when the re-check shows fewer errors (or as many errors and fewer warnings), else reverted
/// byte for byte.</item>
/// <item>Rounds repeat, with the suggestions of the re-checks, while a round improves something and the
/// budget's steps (one per round) last.</item>
/// </list>
/// Suggestions with placeholders are never applied. Every applied or reverted candidate is a transcript entry.
/// </summary>
public sealed class SuggestAgent(SuggestionScope scope = SuggestionScope.Cluster) : IAgent
{
    public const string ProviderName = "suggest";

    public string Name => ProviderName;

    public SuggestionScope Scope => scope;

    public Task<AgentResult> RunAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new SuggestRun(request, scope).RunAsync(cancellationToken);
    }
}
