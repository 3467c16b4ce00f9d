using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using MediaVault.Core.Storage;

namespace MediaVault.Storage.S3;

/// <summary>Creates the bucket at first use when it is missing (<see cref="S3StorageOptions.CreateBucket"/>); once per store, however many callers race.</summary>
internal sealed class S3BucketCreator(IAmazonS3 client, string bucket, bool enabled) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _ready = !enabled;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await CreateIfMissingAsync(cancellationToken);
                _ready = true;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async Task CreateIfMissingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellationToken);
            return;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // Missing: create it below.
        }
        catch (Exception ex) when (S3Errors.IsBackendFailure(ex, cancellationToken))
        {
            throw new StorageException($"Could not check bucket '{bucket}': {ex.Message}", ex);
        }

        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou")
        {
            // Another instance created it first.
        }
        catch (Exception ex) when (S3Errors.IsBackendFailure(ex, cancellationToken))
        {
            throw new StorageException($"Could not create bucket '{bucket}': {ex.Message}", ex);
        }
    }
}
