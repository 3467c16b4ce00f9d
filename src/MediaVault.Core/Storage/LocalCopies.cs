namespace MediaVault.Core.Storage;

/// <summary>
/// Local file paths for stored objects, for tools that need a seekable file: the object itself where the store keeps
/// it locally (<see cref="ILocalFiles"/>), else a temporary download into the staging area.
/// </summary>
public sealed class LocalCopies(IBlobStore store, IStagingArea staging, ILocalFiles? localFiles = null)
{
    private const int BufferSize = 1024 * 1024;

    /// <exception cref="BlobNotFoundException">The object does not exist.</exception>
    public async Task<LocalCopy> OpenAsync(BlobKey key, CancellationToken cancellationToken)
    {
        if (localFiles?.TryGetPath(key) is { } local)
        {
            return new LocalCopy(local, temporary: false);
        }

        Directory.CreateDirectory(staging.Folder);
        var path = Path.Combine(staging.Folder, Guid.NewGuid().ToString("N") + ".probe");
        try
        {
            await using var source = await store.OpenReadAsync(key, null, cancellationToken);
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await source.CopyToAsync(target, BufferSize, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return new LocalCopy(path, temporary: true);
    }
}
