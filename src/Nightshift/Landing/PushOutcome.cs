namespace Nightshift.Landing;

/// <summary>How the last push of the session branch ended; <paramref name="Error"/> is git's message when it failed.</summary>
public sealed record PushOutcome(string Remote, string Branch, bool Succeeded, int Attempts, string? Error);
