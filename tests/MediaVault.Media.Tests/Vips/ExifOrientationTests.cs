using MediaVault.Core.Processing;
using MediaVault.Media.Vips;
using MediaVault.Tests.Images;
using Microsoft.Extensions.Options;
using NetVips;

namespace MediaVault.Media.Tests.Vips;

/// <summary>
/// Each EXIF orientation, written by exiftool as a camera would, in every format that carries one: metadata says what a
/// viewer shows (5–8 are a quarter turn, so width and height swap) and the thumbnail is upright.
/// </summary>
public sealed class ExifOrientationTests : IDisposable
{
    private readonly ImageCorpus _corpus = ImageCorpus.Create();
    private readonly IOptions<ProcessingOptions> _options = Options.Create(new ProcessingOptions());

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (extension, mime) in new[] { ("jpg", "image/jpeg"), ("png", "image/png"), ("webp", "image/webp"), ("tiff", "image/tiff") })
        {
            for (var orientation = 1; orientation <= 8; orientation++)
            {
                data.Add(extension, mime, orientation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Width_and_height_are_the_displayed_ones_and_the_orientation_is_a_number(string extension, string mime, int orientation)
    {
        var path = await _corpus.OrientedAsync(extension, orientation);
        var vips = new VipsThumbnailer(_options);

        var metadata = await new VipsImageMetadataExtractor(vips, _options).ExtractAsync(path, mime, CancellationToken.None);
        var thumbnail = Assert.Single(await new ImageThumbnailGenerator(vips, _options).GenerateAsync(
            new RenditionSource(path, mime, metadata), Directory.CreateTempSubdirectory("mv-orient-").FullName, CancellationToken.None));

        var quarterTurn = orientation >= 5;
        var displayed = quarterTurn ? (ImageCorpus.StoredHeight, ImageCorpus.StoredWidth) : (ImageCorpus.StoredWidth, ImageCorpus.StoredHeight);
        Assert.Equal(orientation, (int)metadata["orientation"]!);
        Assert.Equal(displayed, ((int)metadata["width"]!, (int)metadata["height"]!));
        Assert.Equal(displayed, (thumbnail.Width!.Value, thumbnail.Height!.Value));
        using var written = Image.NewFromFile(thumbnail.LocalPath);
        Assert.Equal(displayed, (written.Width, written.Height));
        Directory.Delete(Path.GetDirectoryName(thumbnail.LocalPath)!, recursive: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(8)]
    public async Task An_avif_is_measured_with_its_container_rotation_applied(int orientation)
    {
        // libvips writes the orientation as the HEIF rotation (irot) plus the EXIF tag; libheif applies the rotation on
        // decode, and HEIF readers ignore the EXIF tag, so what a viewer shows is already upright: orientation 1.
        var path = Path.Combine(_corpus.Directory, $"orientation-{orientation}.avif");
        using (var image = Image.Black(ImageCorpus.StoredWidth, ImageCorpus.StoredHeight, bands: 3).Cast(Enums.BandFormat.Uchar))
        using (var oriented = image.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation)))
        {
            oriented.Heifsave(path, compression: Enums.ForeignHeifCompression.Av1);
        }

        var metadata = await new VipsImageMetadataExtractor(new VipsThumbnailer(_options), _options).ExtractAsync(path, "image/avif", CancellationToken.None);

        var displayed = orientation >= 5 ? (ImageCorpus.StoredHeight, ImageCorpus.StoredWidth) : (ImageCorpus.StoredWidth, ImageCorpus.StoredHeight);
        Assert.Equal(displayed, ((int)metadata["width"]!, (int)metadata["height"]!));
        Assert.Equal(1, (int)metadata["orientation"]!);
    }

    public void Dispose() => _corpus.Dispose();
}
