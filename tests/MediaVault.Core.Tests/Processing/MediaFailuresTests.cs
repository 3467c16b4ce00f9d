using MediaVault.Core.Processing;

namespace MediaVault.Core.Tests.Processing;

public sealed class MediaFailuresTests
{
    [Fact]
    public void Every_code_has_its_own_snake_case_wire_code_and_a_plain_sentence()
    {
        var codes = Enum.GetValues<MediaFailureCode>();

        Assert.Equal(codes.Length, codes.Select(MediaFailures.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z]+(_[a-z]+)*$", MediaFailures.Code(c)));
        Assert.All(codes, c => Assert.DoesNotContain('/', MediaFailures.Sentence(c)));
        Assert.All(codes, c => Assert.EndsWith(".", MediaFailures.Sentence(c), StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_media_exception_without_a_code_means_unreadable_media()
    {
        Assert.Equal(MediaFailureCode.UnreadableMedia, MediaFailures.Of(new MediaUnreadableException("ffprobe said /tmp/x: bad")));
        Assert.Equal(MediaFailureCode.UnreadableMedia, new MediaUnreadableException("detail", new IOException()).Code);
        Assert.Equal(MediaFailureCode.TooLong, MediaFailures.Of(new MediaUnreadableException(MediaFailureCode.TooLong, "3 h")));
        Assert.Equal(MediaFailureCode.ProcessingFailed, MediaFailures.Of(new IOException("disk")));
        Assert.Equal("unreadable_media", MediaFailures.Code(MediaFailureCode.UnreadableMedia));
    }
}
