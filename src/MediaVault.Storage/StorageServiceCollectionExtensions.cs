using MediaVault.Core.Storage;
using MediaVault.Storage.FileSystem;
using MediaVault.Storage.S3;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the filesystem blob store, bound to <c>Storage:FileSystem</c>.</summary>
    public static IServiceCollection AddFileSystemBlobStore(this IServiceCollection services, Action<FileSystemStorageOptions>? configure = null)
    {
        var builder = services.AddOptions<FileSystemStorageOptions>().BindConfiguration(FileSystemStorageOptions.Section);
        if (configure is not null)
        {
            builder.PostConfigure(configure);
        }

        builder.ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IBlobStore, FileSystemBlobStore>();
        return services;
    }

    /// <summary>
    /// Registers the S3 blob store, bound to <c>Storage:S3</c>, as <see cref="IBlobStore"/> and as <see cref="S3BlobStore"/>
    /// (for presigned URLs).
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
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<S3BlobStore>());
        return services;
    }
}
