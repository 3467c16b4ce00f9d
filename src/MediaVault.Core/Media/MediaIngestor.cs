using System.Buffers;
using System.Security.Cryptography;
using MediaVault.Core.Storage;
using Microsoft.Extensions.Options;

namespace MediaVault.Core.Media;

/// <summary>
/// The one way bytes become a stored media: stream into a staging file while hashing, sniff the real type,
/// refuse what is not allowed, then move the file into the blob store. The caller persists the returned
/// <see cref="MediaItem"/>; if it cannot, it must delete the stored original.
/// </summary>
public sealed class MediaIngestor(IBlobStore store, IContentSniffer sniffer, IOptions<MediaOptions> options, TimeProvider clock)
{
    private const int BufferSize = 1024 * 1024;

    /// <exception cref="OperationCanceledException">The client went away; nothing is left behind.</exception>
    public async Task<IngestResult> IngestAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        var limit = Math.Min(request.MaxBytes ?? long.MaxValue, options.Value.MaxFileBytes);
        Directory.CreateDirectory(store.StagingDirectory);
        var stagingPath = Path.Combine(store.StagingDirectory, Guid.NewGuid().ToString("N") + ".part");
        var imported = false;
        try
        {
            var spooled = await SpoolAsync(request.Content, stagingPath, limit, cancellationToken);
            if (spooled is null)
            {
                return IngestResult.Refused(IngestError.TooLarge, $"File exceeds the maximum size of {limit} bytes");
            }

            var (size, sha256, header) = spooled.Value;
            if (size == 0)
            {
                return IngestResult.Refused(IngestError.Empty, "File is empty");
            }

            var sniffed = sniffer.Sniff(header);
            if (sniffed is null || !options.Value.AllowedMimeTypes.Contains(sniffed.MimeType, StringComparer.OrdinalIgnoreCase))
            {
                return IngestResult.Refused(IngestError.UnknownContent, "File content is not a supported media type");
            }

            if (!request.AllowedKinds.Contains(sniffed.Kind))
            {
                return IngestResult.Refused(IngestError.KindNotAllowed, $"File content is {sniffed.Kind.ToString().ToLowerInvariant()}, which is not allowed here");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var media = new MediaItem
            {
                Id = MediaId.New(),
                TenantId = request.TenantId,
                Kind = sniffed.Kind,
                Name = FileNames.Sanitize(request.FileName),
                State = MediaState.Uploaded,
                Area = request.Area,
                Size = size,
                Sha256 = sha256,
                MimeType = sniffed.MimeType,
                CreatedAt = now,
                UpdatedAt = now,
                UploadedAt = now,
            };

            imported = true;
            await store.ImportFileAsync(BlobKey.Original(request.Area, request.TenantId, media.Id), stagingPath, cancellationToken);
            return IngestResult.Stored(media);
        }
        finally
        {
            if (!imported)
            {
                File.Delete(stagingPath);
            }
        }
    }

    private async Task<(long Size, string Sha256, byte[] Header)?> SpoolAsync(Stream content, string path, long limit, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = new byte[sniffer.HeaderLength];
        var headerLength = 0;
        long total = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    return null;
                }

                if (headerLength < header.Length)
                {
                    var take = Math.Min(read, header.Length - headerLength);
                    Array.Copy(buffer, 0, header, headerLength, take);
                    headerLength += take;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()), header[..headerLength]);
    }
}
