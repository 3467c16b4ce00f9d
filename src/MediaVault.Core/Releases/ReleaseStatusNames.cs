namespace MediaVault.Core.Releases;

/// <summary>The wire names of <see cref="ReleaseStatus"/> (snake_case, as the releases API spells them).</summary>
public static class ReleaseStatusNames
{
    public static string ToWire(this ReleaseStatus status) => status switch
    {
        ReleaseStatus.Draft => "draft",
        ReleaseStatus.Submitted => "submitted",
        ReleaseStatus.UnderReview => "under_review",
        ReleaseStatus.Approved => "approved",
        ReleaseStatus.Rejected => "rejected",
        ReleaseStatus.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? value, out ReleaseStatus status)
    {
        foreach (var candidate in Enum.GetValues<ReleaseStatus>())
        {
            if (string.Equals(candidate.ToWire(), value, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
