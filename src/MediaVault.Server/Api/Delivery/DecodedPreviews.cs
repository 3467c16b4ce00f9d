using MediaVault.Core.Processing;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// The decoded pixels of the previews this instance made most recently (by the <c>render-previews</c> job), so that an
/// on-the-fly variant of a recent image scales from memory instead of reading and decoding its preview file. Bounded
/// by <see cref="VariantOptions.DecodedPreviewBytes"/>, least recently used first out; keyed by tenant, media and the
/// preview's rendition row. A preview made by another instance, or evicted, is simply not here: the caller falls
/// back to the file.
/// </summary>
public sealed class DecodedPreviews(IOptions<VariantOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<DecodedPreviewKey, LinkedListNode<(DecodedPreviewKey Key, RenditionPixels Pixels)>> _entries = [];
    private readonly LinkedList<(DecodedPreviewKey Key, RenditionPixels Pixels)> _recency = new();
    private long _bytes;

    /// <summary>Bytes held now.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Keeps the pixels of a stored preview, evicting the least recently used past the limit (nothing kept when they alone exceed it).</summary>
    public void Remember(DecodedPreviewKey key, RenditionPixels pixels)
    {
        var limit = options.Value.DecodedPreviewBytes;
        lock (_gate)
        {
            Remove(key);
            if (pixels.Size > limit)
            {
                return;
            }

            while (_bytes + pixels.Size > limit && _recency.Last is { } oldest)
            {
                Remove(oldest.Value.Key);
            }

            _entries[key] = _recency.AddFirst((key, pixels));
            _bytes += pixels.Size;
        }
    }

    /// <summary>The kept pixels of that preview, or null.</summary>
    public RenditionPixels? Find(DecodedPreviewKey key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Pixels;
        }
    }

    /// <summary>Forgets every preview kept for a media (it was deleted or is being processed again).</summary>
    public void ForgetMedia(Guid tenantId, string mediaId)
    {
        lock (_gate)
        {
            foreach (var key in _entries.Keys.Where(k => k.TenantId == tenantId && k.MediaId == mediaId).ToList())
            {
                Remove(key);
            }
        }
    }

    private void Remove(DecodedPreviewKey key)
    {
        if (_entries.Remove(key, out var node))
        {
            _recency.Remove(node);
            _bytes -= node.Value.Pixels.Size;
        }
    }
}
