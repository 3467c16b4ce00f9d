using MediaVault.Server.Tests.Infrastructure;
using MediaVault.Tests.Images;
using static MediaVault.Server.Tests.Infrastructure.ImageApi;

namespace MediaVault.Server.Tests.Processing;

/// <summary>
/// Photos carrying each EXIF orientation (written by exiftool): the release surface's metadata and the library
/// surface's specs both give the size a viewer shows, and the release metadata the orientation as a number.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ExifOrientationProcessingTests(ServerFixture server) : IDisposable
{
    private readonly ImageCorpus _corpus = ImageCorpus.Create();

    [Theory]
    [InlineData("jpg", "image/jpeg", 1)]
    [InlineData("jpg", "image/jpeg", 2)]
    [InlineData("jpg", "image/jpeg", 3)]
    [InlineData("jpg", "image/jpeg", 4)]
    [InlineData("jpg", "image/jpeg", 5)]
    [InlineData("jpg", "image/jpeg", 6)]
    [InlineData("jpg", "image/jpeg", 7)]
    [InlineData("jpg", "image/jpeg", 8)]
    [InlineData("png", "image/png", 6)]
    [InlineData("webp", "image/webp", 8)]
    [InlineData("tiff", "image/tiff", 5)]
    public async Task Both_surfaces_report_the_displayed_size_of_each_orientation(string extension, string mime, int orientation)
    {
        var bytes = await File.ReadAllBytesAsync(await _corpus.OrientedAsync(extension, orientation));
        using var releaseClient = server.CreateTenantClient(out _);
        var (libraryClient, _) = await server.CreateApiKeyClientAsync();
        using var disposeLibraryClient = libraryClient;
        using var anonymous = server.CreateClient();

        var (_, release) = await releaseClient.UploadToReleaseAsync("photo." + extension, bytes);
        var library = await libraryClient.UploadToLibraryAsync(anonymous, "photo." + extension, mime, bytes);

        var (width, height) = orientation >= 5
            ? (ImageCorpus.StoredHeight, ImageCorpus.StoredWidth)
            : (ImageCorpus.StoredWidth, ImageCorpus.StoredHeight);
        var metadata = release.GetProperty("metadata");
        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.Equal(orientation, Number(metadata, "orientation"));
        Assert.Equal((width, height), ((int)Number(metadata, "width"), (int)Number(metadata, "height")));
        var thumbnail = Rendition(release, "thumb-256.webp");
        Assert.Equal((width, height), (thumbnail.GetProperty("width").GetInt32(), thumbnail.GetProperty("height").GetInt32()));
        Assert.Equal("SUCCESS", library.GetProperty("status").GetString());
        var specs = library.GetProperty("specs");
        Assert.Equal((width, height), (specs.GetProperty("width").GetInt32(), specs.GetProperty("height").GetInt32()));
    }

    public void Dispose() => _corpus.Dispose();
}
