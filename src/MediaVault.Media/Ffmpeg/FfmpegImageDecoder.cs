using System.Globalization;
using MediaVault.Core.Processing;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Ffmpeg;

/// <summary>
/// Decodes the image formats whose libvips loaders are not fit for untrusted input (BMP: only ImageMagick reads it;
/// JPEG XL: jxlload is marked untrusted) out of process: after the header's pixel count is checked against
/// <see cref="ProcessingOptions.MaxImagePixels"/>, the jailed ffmpeg, its demuxer pinned (<see cref="MediaFormats"/>),
/// writes the first frame as a PNG, which libvips then reads like any other image.
/// </summary>
public sealed class FfmpegImageDecoder(ProcessRunner runner, IOptions<FfmpegOptions> ffmpeg, IOptions<ProcessingOptions> processing)
{
    private const string OutputName = "decoded.png";

    /// <summary><c>image/bmp</c> or <c>image/jxl</c> when the file starts like one, else null (libvips reads it itself).</summary>
    public static string? MimeTypeOf(ReadOnlySpan<byte> head) =>
        head.StartsWith("BM"u8) ? "image/bmp"
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x0A]) || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20]) ? "image/jxl"
        : null;

    /// <summary>The PNG of a BMP or JPEG XL file; null for any other file.</summary>
    /// <exception cref="MediaUnreadableException">The header cannot be read, declares too many pixels, or ffmpeg cannot decode it.</exception>
    public async Task<DecodedImage?> DecodeAsync(string path, CancellationToken cancellationToken)
    {
        var (mimeType, size) = ReadHeader(path);
        if (mimeType is null)
        {
            return null;
        }

        var format = mimeType == "image/bmp" ? "BMP" : "JPEG XL";
        if (size is not { } declared)
        {
            throw new MediaUnreadableException($"{format} header could not be read");
        }

        var maxPixels = processing.Value.MaxImagePixels;
        if (declared.Width * (double)declared.Height > maxPixels)
        {
            throw new MediaUnreadableException(MediaFailureCode.TooManyPixels, $"Image is {declared.Width}×{declared.Height} pixels, more than the {maxPixels} allowed");
        }

        // The decoder checks the limit again on what it actually allocates (a header may lie).
        var limit = Math.Min(maxPixels, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var arguments = FfmpegRunner.FileArguments(
            path, mimeType, ["-max_pixels", limit], ["-map", "0:v:0", "-frames:v", "1", "-c:v", "png", "-f", "image2", "-update", "1"], OutputName);
        var jail = await runner.OpenJailAsync(path, cancellationToken);
        try
        {
            var result = await runner.RunAsync(ffmpeg.Value.FfmpegPath, arguments, jail, ffmpeg.Value.FfmpegTimeout, cancellationToken);
            var decoded = jail.HostOutput(OutputName);
            if (result.ExitCode != 0 || !File.Exists(decoded) || new FileInfo(decoded).Length == 0)
            {
                throw new MediaUnreadableException($"{format} could not be decoded: {result.StandardErrorTail}");
            }

            return new DecodedImage(jail, decoded);
        }
        catch
        {
            jail.Dispose();
            throw;
        }
    }

    private static (string? MimeType, (long Width, long Height)? Size) ReadHeader(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        Span<byte> head = stackalloc byte[BmpHeader.Length];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var mimeType = MimeTypeOf(head[..read]);
        if (mimeType is null)
        {
            return (null, null);
        }

        if (mimeType == "image/bmp")
        {
            return (mimeType, BmpHeader.ReadSize(head[..read]));
        }

        file.Position = 0;
        return (mimeType, JxlHeader.ReadSize(file));
    }
}
