using System.Text.Json.Nodes;
using MediaVault.Core.Media;

namespace MediaVault.Core.Tests.Media;

public sealed class MediaMetadataTests
{
    private static MediaItem Media(string metadataJson) => new() { Id = MediaId.New(), Name = "song.mp3", MetadataJson = metadataJson };

    [Fact]
    public void Merge_into_empty_metadata_writes_the_extracted_keys()
    {
        var media = Media("{}");

        MediaMetadata.Merge(media, new JsonObject { ["duration"] = 2.038, ["codec"] = "mp3" });

        var merged = MediaMetadata.Parse(media.MetadataJson);
        Assert.Equal(2.038, merged["duration"]!.GetValue<double>());
        Assert.Equal("mp3", merged["codec"]!.GetValue<string>());
    }

    [Fact]
    public void Merge_replaces_named_keys_and_keeps_the_others()
    {
        var media = Media("""{"codec":"aac","custom":"kept","duration":1}""");

        MediaMetadata.Merge(media, new JsonObject { ["codec"] = "mp3", ["bitrate"] = "128" });

        var merged = MediaMetadata.Parse(media.MetadataJson);
        Assert.Equal("mp3", merged["codec"]!.GetValue<string>());
        Assert.Equal("128", merged["bitrate"]!.GetValue<string>());
        Assert.Equal("kept", merged["custom"]!.GetValue<string>());
        Assert.Equal(1, merged["duration"]!.GetValue<int>());
    }

    [Fact]
    public void Merge_replaces_a_nested_object_as_a_whole()
    {
        var media = Media("""{"tags":{"title":"Old","album":"Old album"}}""");

        MediaMetadata.Merge(media, new JsonObject { ["tags"] = new JsonObject { ["title"] = "New" } });

        var tags = MediaMetadata.Parse(media.MetadataJson)["tags"]!.AsObject();
        Assert.Equal("New", tags["title"]!.GetValue<string>());
        Assert.False(tags.ContainsKey("album"));
    }

    [Fact]
    public void Merge_leaves_the_extracted_object_usable()
    {
        var media = Media("{}");
        var extracted = new JsonObject { ["tags"] = new JsonObject { ["title"] = "Tone" } };

        MediaMetadata.Merge(media, extracted);
        var other = new JsonObject { ["copy"] = extracted["tags"]!.DeepClone() };
        extracted["tags"]!["title"] = "Changed";

        Assert.Equal("Tone", MediaMetadata.Parse(media.MetadataJson)["tags"]!["title"]!.GetValue<string>());
        Assert.Equal("Tone", other["copy"]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    public void Merge_treats_missing_or_non_object_metadata_as_empty(string metadataJson)
    {
        var media = Media(metadataJson);

        MediaMetadata.Merge(media, new JsonObject { ["pageCount"] = 3 });

        Assert.Equal("""{"pageCount":3}""", media.MetadataJson);
    }

    [Fact]
    public void Merge_with_nothing_extracted_keeps_the_metadata()
    {
        var media = Media("""{"codec":"mp3"}""");

        MediaMetadata.Merge(media, []);

        Assert.Equal("""{"codec":"mp3"}""", media.MetadataJson);
    }
}
