using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Processes;
using MediaVault.Media.Vips;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Pdf;

/// <summary>Thumbnails of a PDF's first page, rendered by poppler's <c>pdftoppm</c> in its own process, confined to the one file.</summary>
public sealed class PdfPreviewGenerator(
    ProcessRunner runner, VipsThumbnailer vips, IOptions<FfprobeOptions> tools, IOptions<ProcessingOptions> options) : IRenditionGenerator
{
    private const string PageName = "page-1";

    public bool CanHandle(string mimeType) => mimeType == "application/pdf";

    public async Task<IReadOnlyList<RenditionFile>> GenerateAsync(RenditionSource source, string workDirectory, CancellationToken cancellationToken)
    {
        if (source.Metadata[MetadataKeys.Encrypted]?.GetValue<bool>() == true && source.Metadata[MetadataKeys.PageCount] is null)
        {
            // Needs a user password: there is no page to show.
            return [];
        }

        var largest = options.Value.ThumbnailSizes.Max();
        string[] arguments =
        [
            "-f", "1", "-l", "1", "-singlefile", "-png", "-scale-to", largest.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--", ToolJail.InputName, ToolJail.Output(PageName),
        ];
        using var jail = await runner.OpenJailAsync(source.Path, cancellationToken);
        var result = await runner.RunAsync(tools.Value.PdftoppmPath, arguments, jail, options.Value.PageRenderTimeout, cancellationToken);
        var written = jail.HostOutput(PageName + ".png");
        if (result.ExitCode != 0 || !File.Exists(written))
        {
            throw new MediaUnreadableException($"pdftoppm could not render the first page: {result.StandardErrorTail}");
        }

        var page = Path.Combine(workDirectory, PageName + ".png");
        File.Move(written, page, overwrite: true);
        return await ImageThumbnailGenerator.WriteThumbnailsAsync(vips, options.Value.ThumbnailSizes, page, workDirectory, cancellationToken);
    }
}
