namespace Nightshift.Store.Migrations;

/// <summary>
/// The journal's migrations in order. Append new steps at the end; never edit a released one,
/// because journals on build machines already ran it.
/// </summary>
internal static class Schema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        V001Initial.Migration,
        V002ProbeCacheAndAttemptEvents.Migration,
        V003LandingIntents.Migration,
        V004EpisodeDetails.Migration,
        V005SessionSandbox.Migration,
        V006PromotionsAndSessionModel.Migration,
    ];

    public static int LatestVersion => Migrations[^1].Version;
}
