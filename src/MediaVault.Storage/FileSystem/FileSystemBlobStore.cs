using System.Runtime.CompilerServices;
using MediaVault.Core.Storage;
using Microsoft.Extensions.Options;

namespace MediaVault.Storage.FileSystem;

/// <summary>
/// Stores objects as files under <see cref="FileSystemStorageOptions.RootPath"/>. Every write goes to a staging file
/// on the same filesystem (its <see cref="Staging"/> area, <c>.staging</c> under the root) and is renamed into place when
/// complete, so readers never see a partial object. Objects are local files: <see cref="ILocalFiles"/>.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore, ILocalFiles
{
    private const int BufferSize = 1024 * 1024;
    private readonly string _root;

    public FileSystemBlobStore(IOptions<FileSystemStorageOptions> options)
    {
        _root = Path.GetFullPath(options.Value.RootPath);
        Staging = new StagingFolder(Path.Combine(_root, ".staging"), FileSystemTusChunkStore.FolderName);
    }

    /// <summary>Staging on the same filesystem as the objects, so imports are renames.</summary>
    public StagingFolder Staging { get; }

    public async Task<long> UploadAsync(BlobKey key, Stream content, CancellationToken cancellationToken)
    {
        var staging = NewStagingPath();
        try
        {
            await using (var file = OpenForWrite(staging))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken);
            }

            var size = new FileInfo(staging).Length;
            await ImportFileAsync(key, staging, cancellationToken);
            return size;
        }
        catch (IOException ex) when (StorageFullException.IsCause(ex))
        {
            throw new StorageFullException($"No space left to store '{key.Path}'.", ex);
        }
        finally
        {
            File.Delete(staging);
        }
    }

    public Task ImportFileAsync(BlobKey key, string localPath, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = Resolve(key);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(localPath, target, overwrite: true);
            return Task.CompletedTask;
        }
        catch (IOException ex) when (StorageFullException.IsCause(ex))
        {
            throw new StorageFullException($"No space left to store '{key.Path}'.", ex);
        }
        catch (IOException ex)
        {
            throw new StorageException($"Could not store '{key.Path}'.", ex);
        }
        finally
        {
            File.Delete(localPath);
        }
    }

    public Task<Stream> OpenReadAsync(BlobKey key, BlobRange? range, CancellationToken cancellationToken)
    {
        var path = Resolve(key);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw BlobNotFoundException.For(key);
        }

        if (range is not { } r)
        {
            return Task.FromResult<Stream>(file);
        }

        var length = file.Length;
        var from = Math.Min(r.From, length);
        var to = Math.Min(r.To ?? (length - 1), length - 1);
        file.Seek(from, SeekOrigin.Begin);
        return Task.FromResult<Stream>(new BoundedReadStream(file, Math.Max(0, to - from + 1)));
    }

    public Task<BlobInfo?> GetInfoAsync(BlobKey key, CancellationToken cancellationToken)
    {
        var info = new FileInfo(Resolve(key));
        return Task.FromResult(info.Exists ? new BlobInfo(key, info.Length, info.LastWriteTimeUtc) : null);
    }

    public async Task CopyAsync(BlobKey source, BlobKey target, CancellationToken cancellationToken)
    {
        var sourcePath = Resolve(source);
        if (!File.Exists(sourcePath))
        {
            throw BlobNotFoundException.For(source);
        }

        var staging = NewStagingPath();
        try
        {
            await using (var from = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan))
            await using (var to = OpenForWrite(staging))
            {
                await from.CopyToAsync(to, BufferSize, cancellationToken);
                await to.FlushAsync(cancellationToken);
                to.Flush(flushToDisk: true);
            }

            await ImportFileAsync(target, staging, cancellationToken);
        }
        finally
        {
            File.Delete(staging);
        }
    }

    public Task<bool> DeleteAsync(BlobKey key, CancellationToken cancellationToken)
    {
        var path = Resolve(key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public Task<int> DeleteMediaAsync(StorageArea area, Guid tenantId, string mediaId, CancellationToken cancellationToken)
    {
        var folder = ResolveRelative(BlobKey.MediaPrefix(area, tenantId, mediaId));
        if (!Directory.Exists(folder))
        {
            return Task.FromResult(0);
        }

        var count = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A concurrent delete of the same media got there first; the outcome is the same.
        }

        return Task.FromResult(count);
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(StorageArea area, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = BlobKey.AreaFolder(area);
        var folder = Path.Combine(_root, prefix);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            var info = new FileInfo(file);
            if (BlobKey.TryParse(relative, out var key) && info.Exists)
            {
                yield return new BlobInfo(key, info.Length, info.LastWriteTimeUtc);
            }
        }

        await Task.CompletedTask;
    }

    public string? TryGetPath(BlobKey key)
    {
        var path = Resolve(key);
        return File.Exists(path) ? path : null;
    }

    private static FileStream OpenForWrite(string path) =>
        new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);

    private string NewStagingPath() => Path.Combine(Staging.Folder, Guid.NewGuid().ToString("N") + ".part");

    private string Resolve(BlobKey key) => ResolveRelative(key.Path);

    private string ResolveRelative(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new StorageException($"Key '{relative}' resolves outside the storage root.");
        }

        return full;
    }
}
