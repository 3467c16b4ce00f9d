using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Storage.Tests.FileSystem;

public sealed class FileSystemCapabilityTests : StorageCapabilityContractTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mediavault-capabilities-" + Guid.NewGuid().ToString("N"));

    protected override bool HasLocalFiles => true;

    protected override bool HasPresignedUrls => false;

    public override void Dispose()
    {
        base.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    protected override void AddStorage(IServiceCollection services) => services.AddFileSystemBlobStore(o => o.RootPath = _root);

    [Fact]
    public void The_staging_area_is_inside_the_root_so_imports_are_renames()
    {
        Assert.StartsWith(Path.GetFullPath(_root) + Path.DirectorySeparatorChar, Staging.Folder, StringComparison.Ordinal);
    }
}
