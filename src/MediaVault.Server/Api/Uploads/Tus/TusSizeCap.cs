using System.Runtime.CompilerServices;
using MediaVault.Core.Media;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// Passes a chunk through while keeping the whole upload within the caps: the tenant's and the global one from the
/// first byte, the cap of its kind as soon as the leading bytes are sniffed. The read that would cross a cap ends
/// the stream instead (so no byte past it is written) and sets <see cref="Exceeded"/>.
/// </summary>
public sealed class TusSizeCap : Stream
{
    private readonly Stream _inner;
    private readonly long _offset;
    private readonly long? _declaredLength;
    private readonly IContentSniffer _sniffer;
    private readonly Func<MediaKind, long> _kindCap;
    private readonly byte[] _header;
    private int _headerFilled;
    private long _passed;

    /// <param name="storedStart">The upload's bytes already stored before <paramref name="offset"/>, up to the sniffer's header length.</param>
    public TusSizeCap(Stream inner, long offset, long? declaredLength, ReadOnlySpan<byte> storedStart, long cap, IContentSniffer sniffer, Func<MediaKind, long> kindCap)
    {
        _inner = inner;
        _offset = offset;
        _declaredLength = declaredLength;
        _sniffer = sniffer;
        _kindCap = kindCap;
        _header = new byte[sniffer.HeaderLength];
        Limit = cap;
        _headerFilled = Math.Min(storedStart.Length, _header.Length);
        storedStart[.._headerFilled].CopyTo(_header);
        SniffIfComplete();
        Exceeded = declaredLength > Limit;
    }

    /// <summary>The largest the upload may be, in bytes, as far as is known so far.</summary>
    public long Limit { get; private set; }

    /// <summary>The upload went (or was declared) past <see cref="Limit"/>; the stream ended before the byte that crossed it.</summary>
    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _passed; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    // Pooled: one state machine per read that waits for the network would otherwise be garbage, ~16 000 per GiB.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Exceeded)
        {
            return 0;
        }

        var read = await _inner.ReadAsync(buffer, cancellationToken);
        if (_headerFilled < _header.Length && read > 0)
        {
            var take = Math.Min(read, _header.Length - _headerFilled);
            buffer.Span[..take].CopyTo(_header.AsSpan(_headerFilled));
            _headerFilled += take;
            SniffIfComplete();
        }

        if (_declaredLength > Limit || _offset + _passed + read > Limit)
        {
            Exceeded = true;
            return 0;
        }

        _passed += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void SniffIfComplete()
    {
        // A container that may hold video or only audio gets its kind's cap at completion, once probed.
        if (_headerFilled == _header.Length && _sniffer.Sniff(_header) is { NeedsStreams: false } sniffed)
        {
            Limit = Math.Min(Limit, _kindCap(sniffed.Kind));
        }
    }
}
