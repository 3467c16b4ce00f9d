using MediaVault.Core.Processing;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// The decoded pixels of the previews this instance made most recently (by the <c>render-previews</c> job), so that an
/// on-the-fly variant of a recent image scales from memory instead of reading and decoding its preview file. Each
/// preview may come with smaller levels of the same pixels (half its size), so a small variant resizes fewer pixels.
/// Bounded by <see cref="VariantOptions.DecodedPreviewBytes"/> (all levels counted), least recently used first out;
/// keyed by tenant, media and the preview's rendition row. A preview made by another instance, or evicted, is simply
/// not here: the caller falls back to the file.
/// </summary>
public sealed class DecodedPreviews(IOptions<VariantOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<DecodedPreviewKey, LinkedListNode<(DecodedPreviewKey Key, RenditionPixels[] Levels, long Size)>> _entries = [];
    private readonly LinkedList<(DecodedPreviewKey Key, RenditionPixels[] Levels, long Size)> _recency = new();
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

    /// <summary>Whether anything is kept at all (<see cref="VariantOptions.DecodedPreviewBytes"/> above 0).</summary>
    public bool Enabled => options.Value.DecodedPreviewBytes > 0;

    /// <summary>
    /// Keeps the pixels of a stored preview (the preview's own first, then smaller levels of it), evicting the least
    /// recently used past the limit (nothing kept when they alone exceed it).
    /// </summary>
    public void Remember(DecodedPreviewKey key, params RenditionPixels[] levels)
    {
        var limit = options.Value.DecodedPreviewBytes;
        var size = levels.Sum(l => l.Size);
        lock (_gate)
        {
            Remove(key);
            if (levels.Length == 0 || size > limit)
            {
                return;
            }

            while (_bytes + size > limit && _recency.Last is { } oldest)
            {
                Remove(oldest.Value.Key);
            }

            _entries[key] = _recency.AddFirst((key, levels, size));
            _bytes += size;
        }
    }

    /// <summary>The kept pixels of that preview at its own size, or null.</summary>
    public RenditionPixels? Find(DecodedPreviewKey key) => Find(key, _ => false);

    /// <summary>
    /// The smallest kept level of that preview that <paramref name="suits"/> says is enough, else the preview's own
    /// pixels; null when nothing is kept for it.
    /// </summary>
    public RenditionPixels? Find(DecodedPreviewKey key, Func<RenditionPixels, bool> suits)
    {
        RenditionPixels[] levels;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            levels = node.Value.Levels;
        }

        return levels.Where(suits).MinBy(l => l.Size) ?? levels[0];
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
            _bytes -= node.Value.Size;
        }
    }
}
