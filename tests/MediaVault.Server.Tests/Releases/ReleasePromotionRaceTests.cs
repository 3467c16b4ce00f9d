using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Releases;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Server.Hosting;
using MediaVault.Server.Jobs;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Releases;

/// <summary>
/// A job or a variant request may record a rendition of a release's media while its approval moves the media's files
/// to permanent storage. Whichever side comes last, the rendition ends in permanent storage and nothing stays behind.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReleasePromotionRaceTests(ServerFixture server)
{
    [Fact]
    public async Task A_rendition_stored_in_the_old_area_after_the_move_is_moved_by_its_writer()
    {
        var (tenantId, mediaId) = await PromotedImageAsync();
        var bytes = "late rendition"u8.ToArray();
        var media = await StoreLateRenditionAsync(tenantId, mediaId, "late.webp", bytes);

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
            await server.Services.GetRequiredService<RenditionWriter>().SettleAsync(db, media, StorageArea.Temporary, ["late.webp"], CancellationToken.None);
        }

        AssertAllPermanent(mediaId);
        Assert.Equal(bytes, await server.ReadStoredAsync(BlobKey.Rendition(StorageArea.Permanent, tenantId, mediaId, "late.webp").Path));
    }

    [Fact]
    public async Task The_move_takes_a_rendition_recorded_before_its_second_listing_and_deletes_only_what_it_moved()
    {
        var (tenantId, mediaId) = await PromotedImageAsync();
        var bytes = "recorded while the files were copied"u8.ToArray();
        await StoreLateRenditionAsync(tenantId, mediaId, "conformed.jpg", bytes);
        Guid releaseId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
            releaseId = (await db.Usages.FirstAsync(u => u.MediaId == mediaId && u.OwnerKind == UsageOwners.Release)).OwnerId;
            await db.Releases.Where(r => r.Id == releaseId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReleaseStatus.Approved));
        }

        var handler = server.Services.GetServices<IJobHandler>().Single(h => h.Kind == JobKinds.PromoteRelease);
        await handler.RunAsync(Job.Create(JobKinds.PromoteRelease, tenantId, new ReleaseJobPayload(releaseId), DateTime.UtcNow), CancellationToken.None);

        AssertAllPermanent(mediaId);
        Assert.Equal(bytes, await server.ReadStoredAsync(BlobKey.Rendition(StorageArea.Permanent, tenantId, mediaId, "conformed.jpg").Path));
    }

    private void AssertAllPermanent(string mediaId)
    {
        var files = server.StoredFiles(mediaId);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.StartsWith("permanent/", f, StringComparison.Ordinal));
    }

    /// <summary>A processed image of an approved and completed release: every file in permanent storage.</summary>
    private async Task<(Guid TenantId, string MediaId)> PromotedImageAsync()
    {
        using var client = server.CreateTenantClient(out var tenantKey);
        var releaseId = await client.CreateReleaseAsync();
        await client.UploadAsync(releaseId, "image.jpg");
        var media = await client.WaitProcessedAsync(releaseId);
        var mediaId = media[0].GetProperty("cloudId").GetString()!;
        await client.ApproveAndCompleteAsync(releaseId);
        AssertAllPermanent(mediaId);
        var tenantId = (await server.Services.GetRequiredService<TenantResolver>().ResolveAsync(tenantKey, CancellationToken.None))!.Value;
        return (tenantId, mediaId);
    }

    /// <summary>What a writer that read the media's area before the move does: its file in the temporary area, its row recorded.</summary>
    private async Task<MediaItem> StoreLateRenditionAsync(Guid tenantId, string mediaId, string name, byte[] bytes)
    {
        var local = Path.Combine(server.Services.GetRequiredService<IStagingArea>().Folder, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(local, bytes);
        await server.Services.GetRequiredService<IBlobStore>().ImportFileAsync(BlobKey.Rendition(StorageArea.Temporary, tenantId, mediaId, name), local, CancellationToken.None);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        db.Renditions.Add(new MediaRendition
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            MediaId = mediaId,
            Name = name,
            MimeType = "image/webp",
            Size = bytes.Length,
            CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return await db.Media.AsNoTracking().SingleAsync(m => m.Id == mediaId);
    }
}
