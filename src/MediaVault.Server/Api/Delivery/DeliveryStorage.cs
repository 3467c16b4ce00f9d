using MediaVault.Core.Storage;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// The optional storage capabilities delivery uses: local files for zero-copy sends (and a remembered lookup), and
/// presigned URLs when <see cref="DeliveryOptions.PresignedDownloads"/> is on (start-up fails if the store lacks them).
/// Without either, bytes are streamed from the store.
/// </summary>
public sealed class DeliveryStorage(IOptions<DeliveryOptions> options, ILocalFiles? localFiles = null, IPresignedUrls? presignedUrls = null)
{
    public ILocalFiles? LocalFiles { get; } = localFiles;

    /// <summary>The presigned URL issuer when downloads are to redirect to the bucket, else null.</summary>
    public IPresignedUrls? PresignedDownloads { get; } = options.Value.PresignedDownloads ? presignedUrls : null;
}
