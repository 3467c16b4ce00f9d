using MediaVault.Core.Media;

namespace MediaVault.Core.Tests.Media;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("music/album/song.mp3", "song.mp3")]
    [InlineData(@"C:\Users\me\Music\song.mp3", "song.mp3")]
    [InlineData(@"mixed/separators\song.mp3", "song.mp3")]
    [InlineData("song.mp3", "song.mp3")]
    public void Sanitize_keeps_only_the_last_path_segment(string raw, string expected)
    {
        Assert.Equal(expected, FileNames.Sanitize(raw));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData(@"..\..\etc\passwd")]
    [InlineData("/etc/passwd")]
    public void Sanitize_drops_traversal_segments(string raw)
    {
        Assert.Equal("passwd", FileNames.Sanitize(raw));
    }

    [Theory]
    [InlineData("so\0ng.mp3")]
    [InlineData("so\nng.mp3")]
    [InlineData("so\r\tng.mp3")]
    [InlineData("so\u007fng.mp3")]
    [InlineData("so\u0085ng.mp3")]
    [InlineData("so\u2028ng\u2029.mp3")]
    public void Sanitize_removes_control_characters_and_line_separators(string raw)
    {
        Assert.Equal("song.mp3", FileNames.Sanitize(raw));
    }

    [Theory]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee.pdf", "abcde.pdf")]
    [InlineData("\u2066left\u2067right\u2068first\u2069.pdf", "leftrightfirst.pdf")]
    [InlineData("mark\u200E\u200F.pdf", "mark.pdf")]
    [InlineData("arabic\u061Cmark.pdf", "arabicmark.pdf")]
    public void Sanitize_removes_bidirectional_overrides_isolates_and_marks(string raw, string expected)
    {
        Assert.Equal(expected, FileNames.Sanitize(raw));
    }

    [Theory]
    [InlineData("zero\u200Bwidth.pdf", "zerowidth.pdf")]
    [InlineData("\uFEFFbom.pdf", "bom.pdf")]
    [InlineData("soft\u00ADhyphen.pdf", "softhyphen.pdf")]
    [InlineData("word\u2060joiner\u2064.pdf", "wordjoiner.pdf")]
    [InlineData("tag\U000E0041\U000E007F.pdf", "tag.pdf")]
    [InlineData("\u202E\u2066 \u200F", "file")]
    public void Sanitize_removes_other_invisible_format_characters(string raw, string expected)
    {
        Assert.Equal(expected, FileNames.Sanitize(raw));
    }

    [Fact]
    public void Sanitize_keeps_zero_width_joiners_inside_emoji_and_words()
    {
        const string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467.png";
        const string persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645.mp3";

        Assert.Equal(family, FileNames.Sanitize(family));
        Assert.Equal(persian, FileNames.Sanitize(persian));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(" .. ")]
    [InlineData("folder/")]
    [InlineData("folder/..")]
    [InlineData(@"folder\.")]
    [InlineData("\0\u0001")]
    [InlineData("..\0")]
    public void Sanitize_falls_back_to_file_when_nothing_usable_is_left(string? raw)
    {
        Assert.Equal(FileNames.Fallback, FileNames.Sanitize(raw));
        Assert.Equal("file", FileNames.Fallback);
    }

    [Fact]
    public void Sanitize_trims_surrounding_whitespace()
    {
        Assert.Equal("my song.mp3", FileNames.Sanitize("  my song.mp3  "));
    }

    [Fact]
    public void Sanitize_keeps_unicode_names()
    {
        Assert.Equal("Ünïcødé – 歌.flac", FileNames.Sanitize("uploads/Ünïcødé – 歌.flac"));
    }

    [Fact]
    public void Sanitize_caps_the_length_at_255_characters()
    {
        var name = new string('a', 300) + ".mp3";

        var sanitized = FileNames.Sanitize(name);

        Assert.Equal(255, FileNames.MaxLength);
        Assert.Equal(new string('a', 255), sanitized);
    }

    [Fact]
    public void Sanitize_keeps_a_name_of_exactly_255_characters()
    {
        var name = new string('b', 251) + ".mp3";

        Assert.Equal(name, FileNames.Sanitize(name));
    }

    [Fact]
    public void Sanitize_does_not_split_a_surrogate_pair_when_capping_the_length()
    {
        var name = new string('a', 254) + "\U0001F3B5.mp3";

        var sanitized = FileNames.Sanitize(name);

        Assert.True(sanitized.Length <= FileNames.MaxLength);
        Assert.False(char.IsHighSurrogate(sanitized[^1]), "the capped name ends with half of a surrogate pair");
    }
}
