using MediaVault.Server.Jobs;
using MediaVault.Storage;

namespace MediaVault.Server.Tests.Processing;

/// <summary>
/// Job work folders are emptied and used again instead of being removed and made for every job; a kept folder is
/// fresh to the staging sweep while in use, is made again when the sweep removed it while idle, and only a bounded
/// number are kept.
/// </summary>
public sealed class WorkDirectoriesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mediavault-work-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_folder_given_back_is_emptied_and_handed_out_again()
    {
        var (staging, folders) = Create();
        var first = folders.Rent();
        Assert.StartsWith(staging.Folder + Path.DirectorySeparatorChar, first, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(first, "thumb-256.webp"), "left over");
        Directory.CreateDirectory(Path.Combine(first, "frames"));
        File.WriteAllText(Path.Combine(first, "frames", "1.png"), "left over");

        folders.Return(first);
        var second = folders.Rent();

        Assert.Equal(first, second);
        Assert.Empty(Directory.EnumerateFileSystemEntries(second));
    }

    [Fact]
    public void A_file_written_into_an_idle_folder_after_it_was_given_back_never_reaches_the_next_job()
    {
        var (_, folders) = Create();
        var folder = folders.Rent();
        folders.Return(folder);
        // A tool of the earlier job that outlived it writes late.
        File.WriteAllText(Path.Combine(folder, "thumb-256.webp"), "another tenant's bytes");

        var next = folders.Rent();

        Assert.Empty(Directory.EnumerateFileSystemEntries(next));
    }

    [Fact]
    public void Folders_rented_at_the_same_time_are_distinct()
    {
        var (_, folders) = Create();

        var rented = Enumerable.Range(0, 8).Select(_ => folders.Rent()).ToList();

        Assert.Equal(8, rented.Distinct().Count());
        Assert.All(rented, folder => Assert.True(Directory.Exists(folder)));
    }

    [Fact]
    public void A_kept_folder_is_fresh_to_the_sweep_once_rented_and_made_again_when_the_sweep_took_it()
    {
        var (staging, folders) = Create();
        var folder = folders.Rent();
        folders.Return(folder);
        Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow.AddDays(-2));

        var again = folders.Rent();
        Assert.Equal(0, staging.RemoveStale(DateTime.UtcNow.AddHours(-1)));
        Assert.True(Directory.Exists(again));

        folders.Return(again);
        Directory.SetLastWriteTimeUtc(again, DateTime.UtcNow.AddDays(-2));
        Assert.Equal(1, staging.RemoveStale(DateTime.UtcNow.AddHours(-1)));
        Assert.False(Directory.Exists(again));

        var remade = folders.Rent();
        Assert.Equal(again, remade);
        Assert.True(Directory.Exists(remade));
        Assert.Empty(Directory.EnumerateFileSystemEntries(remade));
    }

    [Fact]
    public void Only_a_bounded_number_of_idle_folders_are_kept_the_rest_are_removed()
    {
        var (staging, folders) = Create();
        var rented = Enumerable.Range(0, WorkDirectories.MaxKept + 5).Select(_ => folders.Rent()).ToList();

        foreach (var folder in rented)
        {
            folders.Return(folder);
        }

        Assert.Equal(WorkDirectories.MaxKept, Directory.EnumerateDirectories(staging.Folder).Count());
        Assert.Equal(5, rented.Count(folder => !Directory.Exists(folder)));
    }

    [Fact]
    public void Giving_back_a_folder_that_is_gone_is_harmless()
    {
        var (_, folders) = Create();
        var folder = folders.Rent();
        Directory.Delete(folder);

        folders.Return(folder);

        Assert.True(Directory.Exists(folders.Rent()));
    }

    private (StagingFolder Staging, WorkDirectories Folders) Create()
    {
        var staging = new StagingFolder(_root);
        return (staging, new WorkDirectories(staging, TimeProvider.System));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
