using System.Globalization;
using MediaVault.Core.Media;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// Orders the library list by a <see cref="LibrarySort"/> and continues it after a <see cref="LibraryCursor"/>: the
/// sort key, then the id, both in the sort's direction, so each page is an index range (no OFFSET) on the
/// (tenant, key, id) indexes. Media without a size or duration have the key -1 (first ascending, last descending).
/// </summary>
public static class LibraryKeyset
{
    public static IOrderedQueryable<MediaItem> Order(IQueryable<MediaItem> query, LibrarySort sort) => (sort.Field, sort.Descending) switch
    {
        (LibrarySortField.CreatedAt, true) => query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id),
        (LibrarySortField.CreatedAt, false) => query.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id),
        (LibrarySortField.Name, true) => query.OrderByDescending(m => m.NameKey).ThenByDescending(m => m.Id),
        (LibrarySortField.Name, false) => query.OrderBy(m => m.NameKey).ThenBy(m => m.Id),
        (LibrarySortField.Size, true) => query.OrderByDescending(m => m.SizeKey).ThenByDescending(m => m.Id),
        (LibrarySortField.Size, false) => query.OrderBy(m => m.SizeKey).ThenBy(m => m.Id),
        (LibrarySortField.Duration, true) => query.OrderByDescending(m => m.DurationKey).ThenByDescending(m => m.Id),
        (LibrarySortField.Duration, false) => query.OrderBy(m => m.DurationKey).ThenBy(m => m.Id),
    };

    /// <summary>The items after <paramref name="cursor"/> in <paramref name="sort"/>'s order; null when the cursor's key is not one this sort issues.</summary>
    public static IQueryable<MediaItem>? After(IQueryable<MediaItem> query, LibrarySort sort, LibraryCursor cursor)
    {
        // Plain locals: EF reads captured locals as parameters.
        var id = cursor.Id;
        var desc = sort.Descending;
        switch (sort.Field)
        {
            case LibrarySortField.CreatedAt:
                if (!long.TryParse(cursor.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks)
                {
                    return null;
                }

                var at = new DateTime(ticks, DateTimeKind.Utc);
                return desc
                    ? query.Where(m => m.CreatedAt < at || (m.CreatedAt == at && string.Compare(m.Id, id) < 0))
                    : query.Where(m => m.CreatedAt > at || (m.CreatedAt == at && string.Compare(m.Id, id) > 0));
            case LibrarySortField.Name:
                var name = cursor.Key;
                return desc
                    ? query.Where(m => string.Compare(m.NameKey, name) < 0 || (m.NameKey == name && string.Compare(m.Id, id) < 0))
                    : query.Where(m => string.Compare(m.NameKey, name) > 0 || (m.NameKey == name && string.Compare(m.Id, id) > 0));
            case LibrarySortField.Size:
                if (!long.TryParse(cursor.Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size))
                {
                    return null;
                }

                return desc
                    ? query.Where(m => m.SizeKey < size || (m.SizeKey == size && string.Compare(m.Id, id) < 0))
                    : query.Where(m => m.SizeKey > size || (m.SizeKey == size && string.Compare(m.Id, id) > 0));
            case LibrarySortField.Duration:
                if (!double.TryParse(cursor.Key, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
                {
                    return null;
                }

                return desc
                    ? query.Where(m => m.DurationKey < seconds || (m.DurationKey == seconds && string.Compare(m.Id, id) < 0))
                    : query.Where(m => m.DurationKey > seconds || (m.DurationKey == seconds && string.Compare(m.Id, id) > 0));
            default:
                return null;
        }
    }

    /// <summary>The cursor that continues after <paramref name="last"/>.</summary>
    public static LibraryCursor CursorAfter(MediaItem last, LibrarySort sort) => new(sort.Name, sort.Field switch
    {
        LibrarySortField.CreatedAt => last.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
        LibrarySortField.Name => last.NameKey,
        LibrarySortField.Size => last.SizeKey.ToString(CultureInfo.InvariantCulture),
        LibrarySortField.Duration => last.DurationKey.ToString("R", CultureInfo.InvariantCulture),
        _ => "",
    }, last.Id);
}
