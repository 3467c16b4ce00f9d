using System.Buffers;
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
    private const int ReadBufferSize = 256 * 1024;

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

        if (!await StartsWithBoundaryAsync(request, boundary, cancellationToken))
        {
            return Failure.BadRequest($"Malformed multipart body: it must start with its boundary \"--{boundary}\"");
        }

        // The reader scans for the boundary in its own buffer; the default 4 KiB turns a large part into many small reads.
        // Its limits (16 headers per part, 16 KiB of headers) stay the defaults; going past them is a 400 below.
        var reader = new MultipartReader(boundary, request.Body, ReadBufferSize);
        MultipartSection? section;
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
    /// The reader's refusals: a header limit passed (<see cref="InvalidDataException"/>), or the body ending before
    /// its closing boundary (<see cref="IOException"/>), unless the request was cancelled.
    /// </summary>
    private static bool IsMalformed(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && ex is InvalidDataException or IOException;

    /// <summary>
    /// Whether the body starts with <c>--boundary</c>. RFC 2046 allows a preamble before it, but no form client sends
    /// one; refusing it keeps junk (of any length) out, rather than letting the reader skip up to 16 KiB of it.
    /// Peeks through the body's pipe without consuming, so the multipart reader still sees every byte.
    /// </summary>
    private static async Task<bool> StartsWithBoundaryAsync(HttpRequest request, string boundary, CancellationToken cancellationToken)
    {
        var expected = System.Text.Encoding.ASCII.GetBytes("--" + boundary);
        var result = await request.BodyReader.ReadAtLeastAsync(expected.Length, cancellationToken);
        var buffer = result.Buffer;
        var matches = buffer.Length >= expected.Length && buffer.Slice(0, expected.Length).ToArray().AsSpan().SequenceEqual(expected);
        request.BodyReader.AdvanceTo(buffer.Start);
        return matches;
    }

    private sealed class RequestParts(HttpRequest request) : IFileParts
    {
        public Task<Outcome<Done>> ForEachAsync(Func<FilePart, CancellationToken, Task<Outcome<Done>>> onFile, CancellationToken cancellationToken) =>
            MultipartFiles.ForEachAsync(request, onFile, cancellationToken);
    }
}
