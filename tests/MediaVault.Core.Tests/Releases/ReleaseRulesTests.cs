using MediaVault.Core.Releases;

namespace MediaVault.Core.Tests.Releases;

public sealed class ReleaseRulesTests
{
    public static TheoryData<ReleaseStatus, ReleaseStatus> AllTransitions
    {
        get
        {
            var data = new TheoryData<ReleaseStatus, ReleaseStatus>();
            foreach (var from in Enum.GetValues<ReleaseStatus>())
            {
                foreach (var to in Enum.GetValues<ReleaseStatus>())
                {
                    data.Add(from, to);
                }
            }

            return data;
        }
    }

    [Theory]
    [InlineData(ReleaseStatus.Draft, true)]
    [InlineData(ReleaseStatus.Rejected, true)]
    [InlineData(ReleaseStatus.Submitted, false)]
    [InlineData(ReleaseStatus.UnderReview, false)]
    [InlineData(ReleaseStatus.Approved, false)]
    [InlineData(ReleaseStatus.Completed, false)]
    public void IsEditable_only_while_draft_or_rejected(ReleaseStatus status, bool expected)
    {
        Assert.Equal(expected, ReleaseRules.IsEditable(status));
    }

    [Theory]
    [InlineData(ReleaseStatus.Draft, true)]
    [InlineData(ReleaseStatus.Rejected, true)]
    [InlineData(ReleaseStatus.Submitted, false)]
    [InlineData(ReleaseStatus.UnderReview, false)]
    [InlineData(ReleaseStatus.Approved, false)]
    [InlineData(ReleaseStatus.Completed, false)]
    public void CanSubmit_from_draft_or_rejected(ReleaseStatus status, bool expected)
    {
        Assert.Equal(expected, ReleaseRules.CanSubmit(status));
    }

    [Theory]
    [InlineData(ReleaseStatus.Submitted, true)]
    [InlineData(ReleaseStatus.UnderReview, true)]
    [InlineData(ReleaseStatus.Draft, false)]
    [InlineData(ReleaseStatus.Rejected, false)]
    [InlineData(ReleaseStatus.Approved, false)]
    [InlineData(ReleaseStatus.Completed, false)]
    public void CanReview_from_submitted_or_under_review(ReleaseStatus status, bool expected)
    {
        Assert.Equal(expected, ReleaseRules.CanReview(status));
    }

    [Theory]
    [MemberData(nameof(AllTransitions))]
    public void CanRevert_only_approved_to_submitted_and_completed_to_draft(ReleaseStatus from, ReleaseStatus to)
    {
        var expected = (from, to) is (ReleaseStatus.Approved, ReleaseStatus.Submitted) or (ReleaseStatus.Completed, ReleaseStatus.Draft);

        Assert.Equal(expected, ReleaseRules.CanRevert(from, to));
    }

    [Fact]
    public void Formats_and_types_list_the_accepted_values()
    {
        Assert.Equal(["Single", "EP", "Album", "Compilation", "Soundtrack", "Live", "Remix", "Remaster"], ReleaseRules.Formats);
        Assert.Equal(["Audio", "Video", "Mixed"], ReleaseRules.Types);
    }
}
