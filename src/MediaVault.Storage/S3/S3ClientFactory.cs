using Amazon.Runtime;
using Amazon.S3;

namespace MediaVault.Storage.S3;

/// <summary>Builds the SDK client an <see cref="S3BlobStore"/> talks through.</summary>
internal static class S3ClientFactory
{
    private const string CopySourceHeader = "x-amz-copy-source";

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
        var client = options.AccessKey.Length > 0
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config)
            : new AmazonS3Client(config);
        client.BeforeRequestEvent += KeepCopySourceSlashes;
        return client;
    }

    /// <summary>
    /// The SDK percent-encodes the slashes of <c>x-amz-copy-source</c> (<c>bucket%2Fkey</c>). S3 accepts that and plain
    /// <c>bucket/key</c> alike, but some compatible servers (s3rver) only split on a plain slash and answer NoSuchBucket.
    /// Runs before signing, so the signature covers the rewritten header.
    /// </summary>
    private static void KeepCopySourceSlashes(object sender, RequestEventArgs e)
    {
        if (e is WebServiceRequestEventArgs { Headers: { } headers } && headers.TryGetValue(CopySourceHeader, out var source))
        {
            headers[CopySourceHeader] = source.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        }
    }
}
