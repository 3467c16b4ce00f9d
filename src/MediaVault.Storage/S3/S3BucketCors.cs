using Amazon.S3.Model;
using MediaVault.Core.Storage;
using Microsoft.Extensions.Options;

namespace MediaVault.Storage.S3;

/// <summary>
/// The bucket's own CORS rules, for browsers that talk to the bucket directly (<c>Library:DirectToBucket</c> uploads,
/// <c>Delivery:PresignedDownloads</c>): set by the <c>storage cors</c> command from the deployment's allowed origins.
/// </summary>
public sealed class S3BucketCors(IOptions<S3StorageOptions> options)
{
    /// <summary>What a page may read of a bucket answer: as the server's own <c>/files</c> answers expose.</summary>
    private static readonly List<string> ExposedHeaders = ["ETag", "Content-Length", "Content-Range", "Content-Disposition"];

    /// <summary>
    /// Replaces the bucket's CORS rules with one allowing <paramref name="origins"/> (or <c>*</c>) to GET, HEAD and PUT
    /// with any request header; no origins removes the rules.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyList<string> origins, TimeSpan preflightMaxAge, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = S3ClientFactory.Create(settings);
        if (origins.Count == 0)
        {
            var delete = new DeleteCORSConfigurationRequest { BucketName = settings.Bucket };
            await S3Errors.TranslateAsync(settings.Bucket, () => client.DeleteCORSConfigurationAsync(delete, cancellationToken), cancellationToken);
            return;
        }

        var rule = new CORSRule
        {
            AllowedOrigins = [.. origins],
            AllowedMethods = ["GET", "HEAD", "PUT"],
            AllowedHeaders = ["*"],
            ExposeHeaders = ExposedHeaders,
            MaxAgeSeconds = (int)preflightMaxAge.TotalSeconds,
        };
        var put = new PutCORSConfigurationRequest { BucketName = settings.Bucket, Configuration = new CORSConfiguration { Rules = [rule] } };
        await S3Errors.TranslateAsync(settings.Bucket, () => client.PutCORSConfigurationAsync(put, cancellationToken), cancellationToken);
    }

    /// <summary>The origins the bucket's rules allow now (empty without rules).</summary>
    public async Task<IReadOnlyList<string>> ReadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = S3ClientFactory.Create(settings);
        try
        {
            var response = await client.GetCORSConfigurationAsync(new GetCORSConfigurationRequest { BucketName = settings.Bucket }, cancellationToken);
            return [.. (response.Configuration?.Rules ?? []).SelectMany(r => r.AllowedOrigins ?? []).Distinct(StringComparer.Ordinal)];
        }
        catch (Amazon.S3.AmazonS3Exception ex) when (ex.ErrorCode is "NoSuchCORSConfiguration")
        {
            return [];
        }
        catch (Exception ex) when (S3Errors.IsBackendFailure(ex, cancellationToken))
        {
            throw new StorageException($"Could not read the CORS rules of bucket '{settings.Bucket}': {ex.Message}", ex);
        }
    }
}
