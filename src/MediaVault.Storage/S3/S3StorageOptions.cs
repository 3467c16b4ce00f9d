using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;

namespace MediaVault.Storage.S3;

/// <summary>S3-compatible blob store settings (section <c>Storage:S3</c>).</summary>
public sealed class S3StorageOptions : IValidatableObject
{
    public const string Section = "Storage:S3";
    public const int MinPartSizeBytes = 5 * 1024 * 1024;
    public const int MaxPartSizeBytes = 1024 * 1024 * 1024;

    /// <summary>Endpoint of an S3-compatible server, e.g. <c>http://127.0.0.1:9000</c>; empty for AWS itself (by <see cref="Region"/>).</summary>
    public string ServiceUrl { get; set; } = "";

    [Required(ErrorMessage = "Storage:S3:Region is required.")]
    public string Region { get; set; } = "us-east-1";

    [Required(ErrorMessage = "Storage:S3:Bucket is required.")]
    public string Bucket { get; set; } = "";

    /// <summary>Path-style URLs (<c>{endpoint}/{bucket}/{key}</c>), which most self-hosted servers need.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>With <see cref="SecretKey"/>; when both are empty the SDK's default credential chain applies (environment, profile, instance role).</summary>
    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>Put in front of every object key, e.g. <c>run-123/</c>, so several deployments or test runs can share one bucket.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Create the bucket at first use when it does not exist.</summary>
    public bool CreateBucket { get; set; }

    /// <summary>Uploads are sent in parts of this many bytes (one part buffered in memory per upload); S3 requires at least 5 MiB.</summary>
    [Range(MinPartSizeBytes, MaxPartSizeBytes, ErrorMessage = "Storage:S3:PartSizeBytes must be between 5 MiB and 1 GiB.")]
    public int PartSizeBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Moved to <c>Delivery:PresignedDownloads</c>; still bound only so that setting it fails at start with that news.</summary>
    public bool PresignedDownloads { get; set; }

    /// <summary>How long a presigned download URL is valid.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Storage:S3:PresignedUrlLifetime must be between 1 second and 7 days.")]
    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Local folder for spooled uploads; empty for a folder per endpoint, bucket and prefix under the system temp directory.</summary>
    public string StagingPath { get; set; } = "";

    /// <summary>The staging folder: <see cref="StagingPath"/>, else one per endpoint, bucket and prefix under the system temp directory.</summary>
    public string StagingFolder()
    {
        if (StagingPath.Length > 0)
        {
            return Path.GetFullPath(StagingPath);
        }

        var identity = SHA256.HashData(Encoding.UTF8.GetBytes($"{ServiceUrl}|{Bucket}|{Prefix}"));
        return Path.Combine(Path.GetTempPath(), "mediavault-s3-staging", Convert.ToHexStringLower(identity.AsSpan(0, 8)));
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PresignedDownloads)
        {
            yield return new ValidationResult("Storage:S3:PresignedDownloads moved to Delivery:PresignedDownloads; set that instead.", [nameof(PresignedDownloads)]);
        }

        if (ServiceUrl.Length > 0
            && !(Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Storage:S3:ServiceUrl must be an absolute http or https URL, or empty for AWS.", [nameof(ServiceUrl)]);
        }

        if ((AccessKey.Length == 0) != (SecretKey.Length == 0))
        {
            yield return new ValidationResult("Storage:S3:AccessKey and Storage:S3:SecretKey must be set together.", [nameof(AccessKey), nameof(SecretKey)]);
        }

        if (Prefix.StartsWith('/'))
        {
            yield return new ValidationResult("Storage:S3:Prefix must not start with '/'.", [nameof(Prefix)]);
        }
    }
}
