using MediaVault.Core.Media;
using System.Globalization;
using MediaVault.Core.Processing;
using MediaVault.Media.Vips;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Ffmpeg;

/// <summary>A video's poster frame (<c>poster.jpg</c>, at 10% of the duration, or 1 s when unknown) and its thumbnails.</summary>
public sealed class PosterFrameGenerator(FfmpegRunner ffmpeg, VipsThumbnailer vips, IOptions<ProcessingOptions> options) : IRenditionGenerator
{
    public const string PosterName = "poster.jpg";

    public bool CanHandle(string mimeType) => mimeType.StartsWith("video/", StringComparison.Ordinal);

    public async Task<IReadOnlyList<RenditionFile>> GenerateAsync(RenditionSource source, string workDirectory, CancellationToken cancellationToken)
    {
        if (source.Metadata[MetadataKeys.VideoCodec] is null)
        {
            return [];
        }

        var duration = source.Metadata[MetadataKeys.Duration]?.GetValue<double>();
        var at = duration is { } d ? d * 0.1 : 1.0;
        var poster = Path.Combine(workDirectory, PosterName);
        // Past the last key frame nothing is written, nor when the demuxer cannot seek (a Matroska file with one key frame
        // and no cues fails even a seek to 0); the first frame, read without any seek, always exists.
        if (!await WriteAsync(source, SeekTo(at), poster, cancellationToken) && !await WriteAsync(source, FirstFrame, poster, cancellationToken))
        {
            throw new MediaUnreadableException("ffmpeg wrote no poster frame");
        }

        var (width, height) = await vips.InspectAsync(poster, image => (image.Width, image.Height), cancellationToken);
        var files = new List<RenditionFile> { new(PosterName, "image/jpeg", poster, width, height) };
        files.AddRange(await ImageThumbnailGenerator.WriteThumbnailsAsync(vips, options.Value.ThumbnailSizes, poster, workDirectory, cancellationToken));
        return files;
    }

    /// <summary>The input options of the fallback run: none, so the demuxer reads from the start and never seeks.</summary>
    private static readonly string[] FirstFrame = [];

    /// <summary>The input options of the first run: a fast input seek to <paramref name="seconds"/>.</summary>
    private static string[] SeekTo(double seconds) => ["-ss", seconds.ToString("0.###", CultureInfo.InvariantCulture)];

    private Task<bool> WriteAsync(RenditionSource source, string[] beforeInput, string poster, CancellationToken cancellationToken) =>
        ffmpeg.WriteFileAsync(source.Path, source.MimeType, beforeInput, ["-map", "0:v:0", "-frames:v", "1", "-an", "-q:v", "3"], poster, cancellationToken);
}
