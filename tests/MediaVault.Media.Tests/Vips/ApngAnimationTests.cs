using MediaVault.Core.Processing;
using MediaVault.Media.Vips;
using MediaVault.Tests.Images;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Tests.Vips;

/// <summary>An animated PNG's frame count and duration come from its acTL and fcTL chunks; a still PNG has neither.</summary>
public sealed class ApngAnimationTests : IDisposable
{
    private readonly ImageCorpus _corpus = ImageCorpus.Create();
    private readonly IOptions<ProcessingOptions> _processing = Options.Create(new ProcessingOptions());

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public async Task An_animated_png_has_its_frame_count_and_duration_in_metadata()
    {
        var metadata = await new VipsImageMetadataExtractor(new VipsThumbnailer(_processing), _processing)
            .ExtractAsync(await _corpus.AnimatedPngAsync(), "image/png", CancellationToken.None);

        Assert.Equal(ImageCorpus.Frames, (int)metadata["frameCount"]!);
        Assert.Equal(2.0, (double)metadata["duration"]!, 3);
        Assert.Equal(64, (int)metadata["width"]!);
    }

    [Fact]
    public async Task A_still_png_has_no_frame_count()
    {
        var still = await _corpus.OrientedAsync("png", 1);
        await using var file = File.OpenRead(still);

        Assert.Null(ApngAnimation.Read(file));
    }

    [Fact]
    public void An_actl_after_the_image_data_without_frame_controls_or_a_truncated_file_is_a_still()
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        byte[] idat = [0, 0, 0, 0, .. "IDAT"u8, 0, 0, 0, 0];
        byte[] actl = [0, 0, 0, 8, .. "acTL"u8, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] huge = [0xFF, 0xFF, 0xFF, 0xF0, .. "tEXt"u8];

        Assert.Null(ApngAnimation.Read(new MemoryStream([.. signature, .. idat, .. actl])));
        Assert.Null(ApngAnimation.Read(new MemoryStream([.. signature, .. huge])));
        Assert.Null(ApngAnimation.Read(new MemoryStream([.. signature, .. actl, .. idat])));
    }
}
