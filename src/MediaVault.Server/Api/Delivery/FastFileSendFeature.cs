using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Win32.SafeHandles;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// Replaces the server's file-send fallback (16 KiB stream copies) with large positional reads straight into the
/// response, so a big download costs few system calls. Range, validator and HEAD handling stay with the framework,
/// which calls <see cref="SendFileAsync"/> for the bytes it decided to send.
/// </summary>
public sealed class FastFileSendFeature(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
{
    private const int ChunkSize = 1024 * 1024;

    public Stream Stream => inner.Stream;

    public PipeWriter Writer => inner.Writer;

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task CompleteAsync() => inner.CompleteAsync();

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var end = count is { } length ? offset + length : RandomAccess.GetLength(handle);
        await inner.StartAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var position = offset;
            while (position < end)
            {
                var want = (int)Math.Min(ChunkSize, end - position);
                var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(0, want), position, cancellationToken);
                if (read == 0)
                {
                    throw new IOException($"'{path}' ended {end - position} bytes early.");
                }

                var flushed = await inner.Writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                if (flushed.IsCanceled || flushed.IsCompleted)
                {
                    return;
                }

                position += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Installs the feature for delivery requests only.</summary>
    public static IApplicationBuilder UseFastFileSend(IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/files", StringComparison.Ordinal)
                && context.Features.Get<IHttpResponseBodyFeature>() is { } body)
            {
                context.Features.Set<IHttpResponseBodyFeature>(new FastFileSendFeature(body));
            }

            return next(context);
        });
}
