using MediaVault.Core.Processing;
using MediaVault.Core.Storage;

namespace MediaVault.Server.Jobs;

/// <summary>Removes a deleted media's original and renditions from both storage areas. Idempotent.</summary>
public sealed class DeleteBlobsJobHandler(IBlobStore store) : IJobHandler
{
    public string Kind => JobKinds.DeleteBlobs;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<MediaJobPayload>();
        var tenantId = job.TenantId ?? throw new InvalidOperationException($"Job {job.Id} has no tenant.");
        await store.DeleteMediaEverywhereAsync(tenantId, payload.MediaId, cancellationToken);
    }

    public Task GiveUpAsync(Job job, Exception failure, CancellationToken cancellationToken) => Task.CompletedTask;
}
