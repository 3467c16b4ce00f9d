using MediaVault.Core.Compatibility;
using MediaVault.Core.Media;
using MediaVault.Core.Profiles;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Library.Compatibility;

/// <summary>
/// The <c>compatibleWith</c> filter of <c>GET /v2/media</c>. Profiles are data a deployment may change, so nothing
/// about compatibility is stored to query: ready media are read in the list's own order, in batches of
/// <see cref="BatchSize"/>, and checked against the target's profile for their kind until the page is full. A keyset
/// page continues after its last match, so cursors stay exact; a numbered page (with its total) checks every ready media.
/// </summary>
public sealed class LibraryCompatibleList(ProfileSet profiles)
{
    public const int BatchSize = 200;

    /// <summary>Whether <c>network:placement</c> names a library profile.</summary>
    public bool Knows(string network, string placement) => SocialTargets.Exists(profiles, network, placement);

    public async Task<(List<MediaItem> Items, int? Total)?> ListAsync(
        IQueryable<MediaItem> filtered, LibraryListQuery list, Func<IQueryable<MediaItem>, IQueryable<MediaItem>> columns, CancellationToken cancellationToken)
    {
        var (network, placement) = list.CompatibleWith!.Value;
        var query = filtered.Where(m => m.State == MediaState.Ready);
        bool Matches(MediaItem media) =>
            SocialTargets.Find(profiles, network, placement, MetadataFacts.KindOf(media)) is { } profile && SocialTargets.Passes(profile, media);

        if (!list.Keyset)
        {
            var all = new List<MediaItem>();
            await foreach (var batch in BatchesAsync(query, list, null, columns, cancellationToken))
            {
                all.AddRange(batch.Where(Matches));
            }

            return ([.. all.Skip((list.Page - 1) * list.Limit).Take(list.Limit)], all.Count);
        }

        var page = new List<MediaItem>();
        await foreach (var batch in BatchesAsync(query, list, list.After, columns, cancellationToken))
        {
            page.AddRange(batch.Where(Matches).Take(list.Limit - page.Count));
            if (page.Count == list.Limit)
            {
                break;
            }
        }

        return (page, null);
    }

    private static async IAsyncEnumerable<List<MediaItem>> BatchesAsync(
        IQueryable<MediaItem> query, LibraryListQuery list, LibraryCursor? after, Func<IQueryable<MediaItem>, IQueryable<MediaItem>> columns,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var from = after is null ? query : LibraryKeyset.After(query, list.Sort, after);
            if (from is null)
            {
                yield break;
            }

            var batch = await columns(LibraryKeyset.Order(from, list.Sort).Take(BatchSize)).ToListAsync(cancellationToken);
            yield return batch;
            if (batch.Count < BatchSize)
            {
                yield break;
            }

            after = LibraryKeyset.CursorAfter(batch[^1], list.Sort);
        }
    }
}
