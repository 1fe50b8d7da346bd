namespace Nightshift.Reports;

/// <summary>Reads what the lander wrote into a commit message: its subject. The figures come from the verdict, not the message.</summary>
internal static class CommitMessage
{
    public static string Subject(string message) =>
        message.Split('\n', 2)[0].TrimEnd('\r').Trim();
}
