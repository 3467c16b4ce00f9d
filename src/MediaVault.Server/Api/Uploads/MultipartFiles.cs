using MediaVault.Core;
using MediaVault.Server.Application.Media;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MediaVault.Server.Api.Uploads;

/// <summary>
/// Streams the file parts of a <c>multipart/form-data</c> body one at a time, without buffering them: each part's
/// body is handed to <paramref name="onFile"/> as a stream read straight from the connection.
/// </summary>
public static class MultipartFiles
{
    /// <summary>The request's file parts for a service that takes <see cref="IFileParts"/>, not the request.</summary>
    public static IFileParts From(HttpRequest request) => new RequestParts(request);

    public static async Task<Outcome<Done>> ForEachAsync(HttpRequest request, Func<FilePart, CancellationToken, Task<Outcome<Done>>> onFile, CancellationToken cancellationToken)
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

        // Parts are read from the request pipe: each file's bytes are copied once, from the pipe into the intake's buffer.
        var reader = new MultipartPipeReader(request.BodyReader, boundary);
        MultipartPipeSection? section;
        try
        {
            section = await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception ex) when (IsMalformed(ex, cancellationToken))
        {
            return Failure.BadRequest($"Malformed multipart body: {ex.Message}");
        }

        while (section is not null)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                var handled = await onFile(new FilePart(name, fileName, section.ContentType, section.Body), cancellationToken);
                if (handled.Failed)
                {
                    return handled;
                }
            }

            try
            {
                section = await reader.ReadNextSectionAsync(cancellationToken);
            }
            catch (Exception ex) when (IsMalformed(ex, cancellationToken))
            {
                return Failure.BadRequest($"Malformed multipart body: {ex.Message}");
            }
        }

        return Done.Value;
    }

    /// <summary>
    /// The reader's refusals: no boundary first, a header limit passed (<see cref="InvalidDataException"/>), or the
    /// body ending before its closing boundary (<see cref="IOException"/>), unless the request was cancelled.
    /// </summary>
    private static bool IsMalformed(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && ex is InvalidDataException or IOException;

    private sealed class RequestParts(HttpRequest request) : IFileParts
    {
        public Task<Outcome<Done>> ForEachAsync(Func<FilePart, CancellationToken, Task<Outcome<Done>>> onFile, CancellationToken cancellationToken) =>
            MultipartFiles.ForEachAsync(request, onFile, cancellationToken);
    }
}
