using MediaVault.Core.Releases;

namespace MediaVault.Core.Tests.Releases;

public sealed class ReleaseStatusNamesTests
{
    [Theory]
    [InlineData(ReleaseStatus.Draft, "draft")]
    [InlineData(ReleaseStatus.Submitted, "submitted")]
    [InlineData(ReleaseStatus.UnderReview, "under_review")]
    [InlineData(ReleaseStatus.Approved, "approved")]
    [InlineData(ReleaseStatus.Rejected, "rejected")]
    [InlineData(ReleaseStatus.Completed, "completed")]
    public void Wire_names_are_snake_case_and_round_trip(ReleaseStatus status, string wire)
    {
        Assert.Equal(wire, status.ToWire());
        Assert.True(ReleaseStatusNames.TryParse(wire, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Fact]
    public void Every_status_has_a_distinct_wire_name()
    {
        var names = Enum.GetValues<ReleaseStatus>().Select(s => s.ToWire()).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("DRAFT", ReleaseStatus.Draft)]
    [InlineData("Under_Review", ReleaseStatus.UnderReview)]
    public void TryParse_ignores_case(string wire, ReleaseStatus expected)
    {
        Assert.True(ReleaseStatusNames.TryParse(wire, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("UnderReview")]
    [InlineData("under-review")]
    [InlineData("under review")]
    [InlineData(" draft")]
    [InlineData("2")]
    [InlineData("pending")]
    public void TryParse_rejects_anything_but_a_wire_name(string? wire)
    {
        Assert.False(ReleaseStatusNames.TryParse(wire, out _));
    }

    [Fact]
    public void ToWire_throws_for_an_undefined_status()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ReleaseStatus)42).ToWire());
    }
}
