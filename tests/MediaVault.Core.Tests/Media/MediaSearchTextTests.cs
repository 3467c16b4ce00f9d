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

    [Theory]
    [InlineData(MediaKind.Image, """{"width":640,"height":480,"declared":{"width":1,"height":2,"duration":3}}""", 640, 480, null)]
    [InlineData(MediaKind.Image, """{"declared":{"width":800,"height":600}}""", 800, 600, null)]
    [InlineData(MediaKind.Video, """{"width":"wide","height":720.5,"duration":4,"declared":{"width":1280,"height":720,"duration":5}}""", 1280, 720, 4.0)]
    [InlineData(MediaKind.Audio, """{"declared":{"duration":12.5}}""", null, null, 12.5)]
    [InlineData(MediaKind.Audio, "{}", null, null, null)]
    public void Fill_keeps_the_listed_specs_extracted_else_declared(MediaKind kind, string metadata, int? width, int? height, double? duration)
    {
        var media = new MediaItem { Id = "m", Name = "x", Kind = kind, MetadataJson = metadata };

        MediaSearchText.Fill(media);

        Assert.Equal(width, media.Width);
        Assert.Equal(height, media.Height);
        Assert.Equal(duration, media.Duration);
        Assert.Equal(duration ?? -1, media.DurationKey);
    }
}
