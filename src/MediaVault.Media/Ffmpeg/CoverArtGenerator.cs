using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Media.Vips;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Ffmpeg;

/// <summary>An audio file's embedded cover picture (<c>cover.jpg</c>) and its thumbnails, when it has one.</summary>
public sealed class CoverArtGenerator(FfmpegRunner ffmpeg, VipsThumbnailer vips, IOptions<ProcessingOptions> options) : IRenditionGenerator
{
    public const string CoverName = "cover.jpg";

    public bool CanHandle(string mimeType) => mimeType.StartsWith("audio/", StringComparison.Ordinal);

    public async Task<IReadOnlyList<RenditionFile>> GenerateAsync(RenditionSource source, string workDirectory, CancellationToken cancellationToken)
    {
        if (source.Metadata[MetadataKeys.HasCoverArt]?.GetValue<bool>() != true)
        {
            return [];
        }

        var cover = Path.Combine(workDirectory, CoverName);
        if (!await ffmpeg.WriteFileAsync(source.Path, source.MimeType, [], ["-map", "0:v:0", "-frames:v", "1", "-an", "-q:v", "2"], cover, cancellationToken))
        {
            throw new MediaUnreadableException("ffmpeg wrote no cover picture");
        }

        var (width, height) = await vips.InspectAsync(cover, image => (image.Width, image.Height), cancellationToken);
        var files = new List<RenditionFile> { new(CoverName, "image/jpeg", cover, width, height) };
        files.AddRange(await ImageThumbnailGenerator.WriteThumbnailsAsync(vips, options.Value.ThumbnailSizes, cover, workDirectory, cancellationToken));
        return files;
    }
}
