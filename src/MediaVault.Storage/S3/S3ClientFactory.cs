using Amazon.Runtime;
using Amazon.S3;

namespace MediaVault.Storage.S3;

/// <summary>Builds the SDK client an <see cref="S3BlobStore"/> talks through.</summary>
internal static class S3ClientFactory
{
    public static AmazonS3Client Create(S3StorageOptions options, Action<AmazonS3Config>? configure = null)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle };
        if (options.ServiceUrl.Length > 0)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        configure?.Invoke(config);
        return options.AccessKey.Length > 0
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config)
            : new AmazonS3Client(config);
    }
}
