using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Library;

/// <summary>A library media's details (name, alt text, description, tags) and its archived flag: one media at a time, also for bulk actions.</summary>
public sealed class LibraryDetailsService(MediaVaultDbContext db, TimeProvider clock)
{
    public async Task<Outcome<MediaItem>> UpdateAsync(Guid tenantId, string id, UpdateMediaRequest request, CancellationToken cancellationToken)
    {
        if (TextLimits.First(
                TextLimits.Check(request.Name, "name", LibraryFieldLimits.Name),
                TextLimits.Check(request.AltText, "altText", LibraryFieldLimits.AltText),
                TextLimits.Check(request.Description, "description", LibraryFieldLimits.Description)) is { } tooLong)
        {
            return tooLong;
        }

        if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name))
        {
            return Failure.BadRequest("name must not be empty");
        }

        List<string>? tags = null;
        if (request.Tags is not null)
        {
            var cleaned = LibraryTagRules.Clean(request.Tags);
            if (cleaned.Failed)
            {
                return cleaned.Failure;
            }

            tags = cleaned.Value;
            if (tags.Count > LibraryFieldLimits.TagsPerMedia)
            {
                return LibraryTagRules.TooMany();
            }
        }

        var media = await LoadAsync(tenantId, id, cancellationToken);
        if (media is null)
        {
            return Failure.NotFound("Media not found");
        }

        if (request.Name is not null)
        {
            media.Name = FileNames.Sanitize(request.Name);
        }

        if (request.AltText is not null)
        {
            media.AltText = request.AltText.Length == 0 ? null : request.AltText;
        }

        if (request.Description is not null)
        {
            media.Description = request.Description.Length == 0 ? null : request.Description;
        }

        if (tags is not null)
        {
            await ReplaceTagsAsync(media, tags, cancellationToken);
        }

        if (request.Archived is { } archived)
        {
            SetArchived(media, archived);
        }

        return await SaveAsync(media, cancellationToken);
    }

    public async Task<Outcome<MediaItem>> SetArchivedAsync(Guid tenantId, string id, bool archived, CancellationToken cancellationToken)
    {
        var media = await LoadAsync(tenantId, id, cancellationToken);
        if (media is null)
        {
            return Failure.NotFound("Media not found");
        }

        SetArchived(media, archived);
        return await SaveAsync(media, cancellationToken);
    }

    /// <summary>Adds <paramref name="tags"/> (already cleaned) after the media's own; a media past 50 tags fails with a 400.</summary>
    public async Task<Outcome<MediaItem>> AddTagsAsync(Guid tenantId, string id, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var media = await LoadAsync(tenantId, id, cancellationToken);
        if (media is null)
        {
            return Failure.NotFound("Media not found");
        }

        var merged = media.Tags.OrderBy(t => t.Position).Select(t => t.Tag).Concat(tags).DistinctBy(MediaTag.KeyOf).ToList();
        if (merged.Count > LibraryFieldLimits.TagsPerMedia)
        {
            return LibraryTagRules.TooMany();
        }

        await ReplaceTagsAsync(media, merged, cancellationToken);
        return await SaveAsync(media, cancellationToken);
    }

    public async Task<Outcome<MediaItem>> RemoveTagsAsync(Guid tenantId, string id, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var media = await LoadAsync(tenantId, id, cancellationToken);
        if (media is null)
        {
            return Failure.NotFound("Media not found");
        }

        var removed = tags.Select(MediaTag.KeyOf).ToHashSet(StringComparer.Ordinal);
        var kept = media.Tags.OrderBy(t => t.Position).Select(t => t.Tag).Where(t => !removed.Contains(MediaTag.KeyOf(t))).ToList();
        await ReplaceTagsAsync(media, kept, cancellationToken);
        return await SaveAsync(media, cancellationToken);
    }

    private Task<MediaItem?> LoadAsync(Guid tenantId, string id, CancellationToken cancellationToken) =>
        MediaId.IsWellFormed(id)
            ? db.Media.Include(m => m.Tags).Include(m => m.Renditions)
                .SingleOrDefaultAsync(m => m.Id == id && m.TenantId == tenantId && !m.IsLink, cancellationToken)
            : Task.FromResult<MediaItem?>(null);

    private void SetArchived(MediaItem media, bool archived)
    {
        if (archived && media.ArchivedAt is null)
        {
            media.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        }
        else if (!archived)
        {
            media.ArchivedAt = null;
        }
    }

    /// <summary>
    /// Makes the media's tags exactly <paramref name="tags"/>, in that order. A tag the media already has keeps its row
    /// and spelling; a new one takes the spelling the workspace first wrote for it, if any.
    /// </summary>
    private async Task ReplaceTagsAsync(MediaItem media, List<string> tags, CancellationToken cancellationToken)
    {
        var existing = media.Tags.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var newKeys = tags.Select(MediaTag.KeyOf).Where(k => !existing.ContainsKey(k)).ToList();
        var tenantId = media.TenantId;
        var spellings = newKeys.Count == 0
            ? []
            : (await db.MediaTags.AsNoTracking().Where(t => t.TenantId == tenantId && newKeys.Contains(t.Key))
                .Select(t => new { t.Key, t.Tag }).ToListAsync(cancellationToken))
            .GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.First().Tag, StringComparer.Ordinal);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        for (var position = 0; position < tags.Count; position++)
        {
            var key = MediaTag.KeyOf(tags[position]);
            wanted.Add(key);
            if (existing.TryGetValue(key, out var row))
            {
                row.Position = position;
                continue;
            }

            var tag = spellings.GetValueOrDefault(key) ?? tags[position];
            media.Tags.Add(new MediaTag { MediaId = media.Id, TenantId = tenantId, Tag = tag, Key = key, SearchKey = MediaSearchText.Normalize(tag, MediaSearchText.TagKeyLength), Position = position });
        }

        foreach (var gone in existing.Values.Where(t => !wanted.Contains(t.Key)))
        {
            media.Tags.Remove(gone);
            db.MediaTags.Remove(gone);
        }
    }

    private async Task<Outcome<MediaItem>> SaveAsync(MediaItem media, CancellationToken cancellationToken)
    {
        media.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return media;
    }
}
