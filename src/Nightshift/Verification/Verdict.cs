using System.Text.Json.Serialization;

namespace Nightshift.Verification;

/// <summary>
/// The verifier's decision on an attempt, with the figures it was decided on: <see cref="Accepted"/>,
/// or <see cref="Rejected"/> with every reason (not just the first). Only the verifier makes one.
/// <see cref="VerdictJson"/> writes it to the journal and reads it back.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "verdict")]
[JsonDerivedType(typeof(Accepted), "accepted")]
[JsonDerivedType(typeof(Rejected), "rejected")]
public abstract record Verdict
{
    private Verdict(VerdictFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        Figures = figures;
    }

    public VerdictFigures Figures { get; }

    /// <summary>Why it was rejected; empty when accepted.</summary>
    public abstract IReadOnlyList<RejectionReason> Reasons { get; }

    [JsonIgnore]
    public bool IsAccepted => this is Accepted;

    /// <summary>One line for logs and listings: "accepted (Verified: …)" or "rejected: reason; reason".</summary>
    [JsonIgnore]
    public string Summary => IsAccepted
        ? $"accepted ({Figures.ToTrailer()})"
        : $"rejected: {string.Join("; ", Reasons.Select(reason => reason.Message))}";

    public sealed record Accepted(VerdictFigures Figures) : Verdict(Figures)
    {
        public override IReadOnlyList<RejectionReason> Reasons => [];
    }

    public sealed record Rejected : Verdict
    {
        public Rejected(VerdictFigures figures, IReadOnlyList<RejectionReason> reasons)
            : base(figures)
        {
            ArgumentNullException.ThrowIfNull(reasons);
            if (reasons.Count == 0)
            {
                throw new ArgumentException("A rejection needs at least one reason.", nameof(reasons));
            }

            Reasons = reasons;
        }

        public override IReadOnlyList<RejectionReason> Reasons { get; }
    }
}
