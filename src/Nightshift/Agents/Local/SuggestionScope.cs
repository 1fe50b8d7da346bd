namespace Nightshift.Agents.Local;

/// <summary>Whose suggestions the offline agent applies.</summary>
public enum SuggestionScope
{
    /// <summary>
    /// Only those of diagnostics in the task's cluster (same tool, severity and code, or message template,
    /// as a task diagnostic): the task's diagnostics define the target, and a change elsewhere would land
    /// under a ticket that does not describe it.
    /// </summary>
    Cluster,

    /// <summary>Those of every diagnostic in the files the task is about.</summary>
    All,
}
