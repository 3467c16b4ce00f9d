using MediaVault.Core.Storage;
using MediaVault.Core.Uploads;
using MediaVault.Storage.FileSystem;
using MediaVault.Storage.S3;
using MediaVault.Storage.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaVault.Storage;

/// <summary>
/// One registration per backend: the <see cref="IBlobStore"/> and the capabilities that backend has, so consumers ask
/// for a capability (<see cref="ILocalFiles"/>, <see cref="IPresignedUrls"/>) instead of testing the store's type.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the filesystem blob store, bound to <c>Storage:FileSystem</c>, with <see cref="ILocalFiles"/>, a staging
    /// area on the same filesystem and resumable upload chunks as local files. No <see cref="IPresignedUrls"/>.
    /// </summary>
    public static IServiceCollection AddFileSystemBlobStore(this IServiceCollection services, Action<FileSystemStorageOptions>? configure = null)
    {
        var builder = services.AddOptions<FileSystemStorageOptions>().BindConfiguration(FileSystemStorageOptions.Section);
        if (configure is not null)
        {
            builder.PostConfigure(configure);
        }

        builder.ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FileSystemBlobStore>();
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<FileSystemBlobStore>());
        services.AddSingleton<ILocalFiles>(sp => sp.GetRequiredService<FileSystemBlobStore>());
        services.AddSingleton<IStagingArea>(sp => sp.GetRequiredService<FileSystemBlobStore>().Staging);
        services.AddSingleton<ITusChunkStore, FileSystemTusChunkStore>();
        services.AddSingleton<LocalCopies>();
        return services;
    }

    /// <summary>
    /// Registers the S3 blob store, bound to <c>Storage:S3</c>, with <see cref="IPresignedUrls"/>, a local staging
    /// area (<see cref="S3StorageOptions.StagingPath"/>) and resumable upload chunks as objects (any instance can take
    /// the next chunk). No <see cref="ILocalFiles"/>.
    /// </summary>
    public static IServiceCollection AddS3BlobStore(this IServiceCollection services, Action<S3StorageOptions>? configure = null)
    {
        var builder = services.AddOptions<S3StorageOptions>().BindConfiguration(S3StorageOptions.Section);
        if (configure is not null)
        {
            builder.PostConfigure(configure);
        }

        builder.ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<S3BlobStore>();
        services.AddSingleton<S3BucketCors>();
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<S3BlobStore>());
        services.AddSingleton<IPresignedUrls>(sp => sp.GetRequiredService<S3BlobStore>());
        services.AddSingleton<IStagingArea>(sp => new StagingFolder(sp.GetRequiredService<IOptions<S3StorageOptions>>().Value.StagingFolder()));
        services.AddSingleton<ITusChunkStore, BlobTusChunkStore>();
        services.AddSingleton<LocalCopies>();
        return services;
    }
}
