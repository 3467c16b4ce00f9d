namespace MediaVault.Core.Releases;

/// <summary>Which workflow steps a release's status allows.</summary>
public static class ReleaseRules
{
    public static readonly IReadOnlyList<string> Formats = ["Single", "EP", "Album", "Compilation", "Soundtrack", "Live", "Remix", "Remaster"];

    public static readonly IReadOnlyList<string> Types = ["Audio", "Video", "Mixed"];

    /// <summary>Edits, uploads, links and media deletes are allowed only while draft or rejected.</summary>
    public static bool IsEditable(ReleaseStatus status) => status is ReleaseStatus.Draft or ReleaseStatus.Rejected;

    /// <summary>Submission is allowed from draft, and from rejected for a resubmission after changes.</summary>
    public static bool CanSubmit(ReleaseStatus status) => status is ReleaseStatus.Draft or ReleaseStatus.Rejected;

    public static bool CanReview(ReleaseStatus status) => status is ReleaseStatus.Submitted or ReleaseStatus.UnderReview;

    /// <summary>Admin revert: approved → submitted, completed → draft.</summary>
    public static bool CanRevert(ReleaseStatus from, ReleaseStatus to) =>
        (from, to) is (ReleaseStatus.Approved, ReleaseStatus.Submitted) or (ReleaseStatus.Completed, ReleaseStatus.Draft);
}
