using MediaVault.Core.Storage;

namespace MediaVault.Server.Jobs;

/// <summary>
/// A local file path for a stored object, for tools that need a seekable file: the object itself when the store keeps
/// it locally, else a temporary download that is deleted on dispose.
/// </summary>
public sealed class LocalCopy : IAsyncDisposable
{
    private readonly bool _temporary;

    private LocalCopy(string path, bool temporary)
    {
        Path = path;
        _temporary = temporary;
    }

    public string Path { get; }

    /// <exception cref="BlobNotFoundException">The object does not exist.</exception>
    public static async Task<LocalCopy> OpenAsync(IBlobStore store, BlobKey key, CancellationToken cancellationToken)
    {
        if (store.TryGetLocalPath(key) is { } local)
        {
            return new LocalCopy(local, temporary: false);
        }

        Directory.CreateDirectory(store.StagingDirectory);
        var path = System.IO.Path.Combine(store.StagingDirectory, Guid.NewGuid().ToString("N") + ".probe");
        try
        {
            await using var source = await store.OpenReadAsync(key, null, cancellationToken);
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await source.CopyToAsync(target, 1024 * 1024, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return new LocalCopy(path, temporary: true);
    }

    public ValueTask DisposeAsync()
    {
        if (_temporary)
        {
            File.Delete(Path);
        }

        return ValueTask.CompletedTask;
    }
}
