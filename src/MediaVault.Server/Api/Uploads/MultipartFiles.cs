using MediaVault.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MediaVault.Server.Api.Uploads;

/// <summary>
/// Streams the file parts of a <c>multipart/form-data</c> body one at a time, without buffering them: each part's
/// body is handed to <paramref name="onFile"/> as a stream read straight from the connection.
/// </summary>
public static class MultipartFiles
{
    private const int ReadBufferSize = 256 * 1024;

    /// <summary>A file part: its form field name and its client-supplied file name.</summary>
    public sealed record Part(string FieldName, string? FileName, string? ContentType, Stream Body);

    public static async Task<Failure?> ForEachAsync(HttpRequest request, Func<Part, CancellationToken, Task<Failure?>> onFile, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Failure.BadRequest("Request must be multipart/form-data");
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200)
        {
            return Failure.BadRequest("Multipart boundary is missing or too long");
        }

        // The reader scans for the boundary in its own buffer; the default 4 KiB turns a large part into many small reads.
        var reader = new MultipartReader(boundary, request.Body, ReadBufferSize);
        MultipartSection? section;
        try
        {
            section = await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (IOException ex) when (ex is not EndOfStreamException || !cancellationToken.IsCancellationRequested)
        {
            return Failure.BadRequest($"Malformed multipart body: {ex.Message}");
        }

        while (section is not null)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                var failure = await onFile(new Part(name, fileName, section.ContentType, section.Body), cancellationToken);
                if (failure is not null)
                {
                    return failure;
                }
            }

            try
            {
                section = await reader.ReadNextSectionAsync(cancellationToken);
            }
            catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
            {
                return Failure.BadRequest($"Malformed multipart body: {ex.Message}");
            }
        }

        return null;
    }
}
