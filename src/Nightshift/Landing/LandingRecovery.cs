namespace Nightshift.Landing;

/// <summary>
/// What <see cref="Lander.RecoverAsync"/> found of the landings a crash interrupted: those whose commit reached the branch
/// (now recorded) and those that did not (voided; their ticket numbers go to the next landings).
/// </summary>
public sealed record LandingRecovery(IReadOnlyList<LandingResult.Landed> Recorded, IReadOnlyList<long> VoidedAttempts);
