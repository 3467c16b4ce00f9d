using MediaVault.Core.Processing;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Processes;
using MediaVault.Media.Vips;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Pdf;

/// <summary>Thumbnails of a PDF's first page, rendered by poppler's <c>pdftoppm</c> in its own process.</summary>
public sealed class PdfPreviewGenerator(
    ProcessRunner runner, VipsThumbnailer vips, IOptions<FfprobeOptions> tools, IOptions<ProcessingOptions> options) : IRenditionGenerator
{
    public bool CanHandle(string mimeType) => mimeType == "application/pdf";

    public async Task<IReadOnlyList<RenditionFile>> GenerateAsync(RenditionSource source, string workDirectory, CancellationToken cancellationToken)
    {
        var largest = options.Value.ThumbnailSizes.Max();
        var prefix = Path.Combine(workDirectory, "page-1");
        string[] arguments = ["-f", "1", "-l", "1", "-singlefile", "-png", "-scale-to", largest.ToString(System.Globalization.CultureInfo.InvariantCulture), source.Path, prefix];
        var result = await runner.RunAsync(tools.Value.PdftoppmPath, arguments, options.Value.PageRenderTimeout, cancellationToken);
        var page = prefix + ".png";
        if (result.ExitCode != 0 || !File.Exists(page))
        {
            throw new MediaUnreadableException($"pdftoppm could not render the first page: {result.StandardErrorTail}");
        }

        return await ImageThumbnailGenerator.WriteThumbnailsAsync(vips, options.Value.ThumbnailSizes, page, workDirectory, cancellationToken);
    }
}
