using MediaVault.Core.Media;
using System.Globalization;
using System.Text.Json.Nodes;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Pdf;

/// <summary>
/// Page count, title and encryption of PDFs, from poppler's <c>pdfinfo</c> in its own process, confined to the one file.
/// A document that needs a user password to open is still a valid document: it is described as <c>encrypted: true</c>
/// with nothing else readable (no page count, and <see cref="PdfPreviewGenerator"/> makes no preview of it).
/// </summary>
public sealed class PdfInfoMetadataExtractor(ProcessRunner runner, IOptions<FfprobeOptions> options) : IMetadataExtractor
{
    public bool CanHandle(string mimeType) => mimeType == "application/pdf";

    public async Task<JsonObject> ExtractAsync(string path, string mimeType, CancellationToken cancellationToken)
    {
        using var jail = await runner.OpenJailAsync(path, cancellationToken);
        var result = await runner.RunAsync(options.Value.PdfinfoPath, ["--", ToolJail.InputName], jail, options.Value.Timeout, cancellationToken);
        if (result.ExitCode != 0)
        {
            // poppler says "Incorrect password" for a document that needs a user password to open.
            if (result.StandardErrorTail.Contains("password", StringComparison.OrdinalIgnoreCase))
            {
                return new JsonObject { [MetadataKeys.Encrypted] = true };
            }

            throw new MediaUnreadableException(MediaFailureCode.UnreadableMedia, $"pdfinfo could not read the file: {result.StandardErrorTail}");
        }

        var metadata = new JsonObject { [MetadataKeys.Encrypted] = false };
        foreach (var line in result.StandardOutput.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key == "Pages" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pages))
            {
                metadata[MetadataKeys.PageCount] = pages;
            }
            else if (key == "Encrypted")
            {
                // "yes (print:no copy:no …)" for an owner password only: it opens, but its author restricted it.
                metadata[MetadataKeys.Encrypted] = value.StartsWith("yes", StringComparison.Ordinal);
            }
            else if (key == "Title" && value.Length > 0)
            {
                metadata["title"] = value;
            }
        }

        return metadata;
    }
}
