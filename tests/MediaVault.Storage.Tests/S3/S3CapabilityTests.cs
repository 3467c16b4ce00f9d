using MediaVault.Storage.S3;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Storage.Tests.S3;

public sealed class S3CapabilityTests(S3ServerFixture server) : StorageCapabilityContractTests, IClassFixture<S3ServerFixture>
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}/";

    protected override bool HasLocalFiles => false;

    protected override bool HasPresignedUrls => true;

    protected override void AddStorage(IServiceCollection services) => services.AddS3BlobStore(o => Copy(server.Options(_prefix), o));

    [Fact]
    public void The_staging_area_defaults_to_a_folder_per_endpoint_bucket_and_prefix()
    {
        Assert.Equal(server.Options(_prefix).StagingFolder(), Staging.Folder);
        Assert.NotEqual(server.Options("other/").StagingFolder(), Staging.Folder);
    }

    private static void Copy(S3StorageOptions from, S3StorageOptions to)
    {
        to.ServiceUrl = from.ServiceUrl;
        to.Bucket = from.Bucket;
        to.AccessKey = from.AccessKey;
        to.SecretKey = from.SecretKey;
        to.Prefix = from.Prefix;
    }
}
