using MediaVault.Core.Storage;
using MediaVault.Storage.FileSystem;
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
}
