namespace MediaVault.Core.Tests;

public sealed class OutcomeTests
{
    [Fact]
    public void A_value_is_a_success_whose_value_needs_no_null_check()
    {
        Outcome<string> outcome = "made";

        Assert.True(outcome.Succeeded);
        Assert.False(outcome.Failed);
        Assert.Null(outcome.Failure);
        Assert.Equal(4, outcome.Value.Length);
    }

    [Fact]
    public void A_failure_is_failed_and_its_failure_needs_no_null_forgiving()
    {
        Outcome<string> outcome = Failure.NotFound("gone");

        Assert.True(outcome.Failed);
        Assert.Equal(FailureKind.NotFound, outcome.Failure.Kind);
        Assert.Empty(outcome.Failure.ReferencedBy);
    }

    [Fact]
    public void Ok_wraps_an_interface_typed_value()
    {
        var outcome = Outcome<IReadOnlyList<int>>.Ok([1, 2]);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, outcome.Value.Count);
    }
}
