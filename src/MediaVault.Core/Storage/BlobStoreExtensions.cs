namespace MediaVault.Core.Storage;

public static class BlobStoreExtensions
{
    /// <summary>Deletes a media's original and renditions from both the temporary and the permanent area. Idempotent.</summary>
    public static async Task DeleteMediaEverywhereAsync(this IBlobStore store, Guid tenantId, string mediaId, CancellationToken cancellationToken)
    {
        await store.DeleteMediaAsync(StorageArea.Temporary, tenantId, mediaId, cancellationToken);
        await store.DeleteMediaAsync(StorageArea.Permanent, tenantId, mediaId, cancellationToken);
    }
}
