using MediaVault.Core.Storage;

namespace MediaVault.Core.Tests.Media;

/// <summary>Just enough of a blob store and its staging area for the ingestor: a staging folder and imported files moved under an objects folder.</summary>
internal sealed class FolderBlobStore : IBlobStore, IStagingArea
{
    private readonly string _objects;

    public FolderBlobStore(string root)
    {
        Folder = Path.Combine(root, "staging");
        _objects = Path.Combine(root, "objects");
        Directory.CreateDirectory(_objects);
    }

    public string Folder { get; }

    public IEnumerable<string> StoredFiles => Directory.EnumerateFiles(_objects, "*", SearchOption.AllDirectories);

    public IEnumerable<string> StagedFiles =>
        Directory.Exists(Folder) ? Directory.EnumerateFileSystemEntries(Folder) : [];

    public string PathOf(BlobKey key) => Path.Combine(_objects, key.Path);

    public Task ImportFileAsync(BlobKey key, string localPath, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(localPath, target, overwrite: true);
        return Task.CompletedTask;
    }

    public Task<long> UploadAsync(BlobKey key, Stream content, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Stream> OpenReadAsync(BlobKey key, BlobRange? range, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<BlobInfo?> GetInfoAsync(BlobKey key, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CopyAsync(BlobKey source, BlobKey target, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> DeleteAsync(BlobKey key, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> DeleteMediaAsync(StorageArea area, Guid tenantId, string mediaId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public int RemoveStale(DateTime cutoffUtc) => throw new NotSupportedException();

    public IAsyncEnumerable<BlobInfo> ListAsync(StorageArea area, CancellationToken cancellationToken) => throw new NotSupportedException();
}
