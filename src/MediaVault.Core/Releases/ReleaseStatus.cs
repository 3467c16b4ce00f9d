namespace MediaVault.Core.Releases;

/// <summary>Release workflow: draft → submitted → (under_review) → approved → completed, or → rejected.</summary>
public enum ReleaseStatus
{
    Draft,
    Submitted,
    UnderReview,
    Approved,
    Rejected,
    Completed,
}
