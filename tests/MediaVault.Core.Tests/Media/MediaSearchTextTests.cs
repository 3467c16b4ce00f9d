using MediaVault.Core.Media;

namespace MediaVault.Core.Tests.Media;

public sealed class MediaSearchTextTests
{
    [Theory]
    [InlineData("Mangoré.ogg", "mangore.ogg")]
    [InlineData("ÇHARLIE", "charlie")]
    [InlineData("Ñandú", "nandu")]
    [InlineData("Straße", "strasse")]
    [InlineData("Łódź Øresund", "lodz oresund")]
    [InlineData("Tiếng Việt", "tieng viet")]
    [InlineData("Cafe\u0301", "cafe")]
    [InlineData("100%_done", "100%_done")]
    [InlineData("日本語", "日本語")]
    public void Normalize_lowercases_and_drops_diacritics(string text, string folded) =>
        Assert.Equal(folded, MediaSearchText.Normalize(text));

    [Fact]
    public void Fill_keeps_search_name_key_and_duration_from_the_media_itself()
    {
        var media = new MediaItem { Id = "m", Name = "Árbol.mp3", Kind = MediaKind.Audio, AltText = "Río", MetadataJson = """{"declared":{"duration":12.5}}""" };

        MediaSearchText.Fill(media);

        Assert.Equal("arbol.mp3", media.NameKey);
        Assert.Contains("rio", media.SearchText, StringComparison.Ordinal);
        Assert.Equal(12.5, media.DurationKey);
        Assert.Equal(-1, media.SizeKey);
        media.MetadataJson = """{"duration":13.25,"declared":{"duration":12.5}}""";
        MediaSearchText.Fill(media);
        Assert.Equal(13.25, media.DurationKey);
    }
}
