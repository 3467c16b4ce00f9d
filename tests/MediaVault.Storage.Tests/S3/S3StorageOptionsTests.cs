using MediaVault.Storage.S3;
using Microsoft.Extensions.Options;

namespace MediaVault.Storage.Tests.S3;

/// <summary>What <c>ValidateDataAnnotations()</c> makes of <c>Storage:S3</c> at start-up.</summary>
public sealed class S3StorageOptionsTests
{
    public static TheoryData<Action<S3StorageOptions>, string> Mistakes => new()
    {
        { o => o.Bucket = "", "Storage:S3:Bucket" },
        { o => o.Region = "", "Storage:S3:Region" },
        { o => o.PartSizeBytes = 1024 * 1024, "Storage:S3:PartSizeBytes" },
        { o => o.PresignedUrlLifetime = TimeSpan.FromDays(8), "Storage:S3:PresignedUrlLifetime" },
        { o => o.ServiceUrl = "127.0.0.1:9000", "Storage:S3:ServiceUrl" },
        { o => o.AccessKey = "key-without-secret", "Storage:S3:AccessKey" },
        { o => o.Prefix = "/runs/", "Storage:S3:Prefix" },
        { o => o.PresignedDownloads = true, "Delivery:PresignedDownloads" },
    };

    [Fact]
    public void Defaults_with_a_bucket_are_valid()
    {
        Assert.True(Validate(new S3StorageOptions { Bucket = "media" }).Succeeded);
        Assert.True(Validate(new S3StorageOptions { Bucket = "media", ServiceUrl = "http://127.0.0.1:9000", AccessKey = "a", SecretKey = "b", Prefix = "run-1/" }).Succeeded);
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_bad_setting_fails_with_a_message_that_names_it(Action<S3StorageOptions> mistake, string setting)
    {
        var options = new S3StorageOptions { Bucket = "media" };
        mistake(options);

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(S3StorageOptions options) =>
        new DataAnnotationValidateOptions<S3StorageOptions>(Options.DefaultName).Validate(Options.DefaultName, options);
}
