using System.Globalization;
using MediaVault.Core;
using MediaVault.Core.Media;

namespace MediaVault.Server.Api.Library;

/// <summary>Checks the query string of <c>GET /v2/media</c>; each bad parameter is a 400 naming it.</summary>
public static class LibraryListParameters
{
    public static Outcome<LibraryListQuery> Parse(string? page, string? limit, string? type, string? status, string? cursor, string? q, string[]? tag, string? sort, string? compatibleWith = null)
    {
        if (!LibrarySort.TryParse(sort, out var order))
        {
            return Failure.BadRequest($"sort must be one of {LibrarySort.Allowed}");
        }

        LibraryCursor? after = null;
        if (cursor is not null)
        {
            after = LibraryCursor.Decode(cursor);
            if (after is null)
            {
                return Failure.BadRequest("cursor is not one this API issued");
            }

            if (after.Sort != order.Name)
            {
                return Failure.BadRequest($"cursor was issued for sort {after.Sort}, not {order.Name}; start again without cursor");
            }
        }

        if (!TryPositive(page, 1, int.MaxValue, out var pageNumber) || !TryPositive(limit, 20, 100, out var pageSize))
        {
            return Failure.BadRequest("page must be a positive integer and limit between 1 and 100");
        }

        var archived = string.Equals(status, LibraryViews.Archived, StringComparison.OrdinalIgnoreCase);
        var states = string.IsNullOrEmpty(status) || archived ? null : LibraryViews.States(status);
        if (states is null && !string.IsNullOrEmpty(status) && !archived)
        {
            return Failure.BadRequest("status must be one of PROCESSING, SUCCESS, ERROR, ARCHIVED");
        }

        if (q is { Length: > LibraryFieldLimits.Query })
        {
            return Failure.BadRequest(TextLimits.Message("q", LibraryFieldLimits.Query));
        }

        var tags = tag ?? [];
        if (tags.Length > LibraryFieldLimits.TagsPerMedia || tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Trim().Length > LibraryFieldLimits.Tag))
        {
            return Failure.BadRequest($"tag: at most {LibraryFieldLimits.TagsPerMedia}, each 1 to {LibraryFieldLimits.Tag} characters");
        }

        (string, string)? target = null;
        if (compatibleWith is not null)
        {
            if (!Core.Compatibility.SocialTargets.TryParse(compatibleWith, out var network, out var placement))
            {
                return Failure.BadRequest("compatibleWith must be network:placement, e.g. instagram:reels");
            }

            target = (network, placement);
        }

        // Counting is opt-in (`page`): a total costs a pass over the tenant's media, the keyset page does not.
        var search = string.IsNullOrWhiteSpace(q) ? null : MediaSearchText.Normalize(q.Trim());
        return new LibraryListQuery(
            type?.Trim().ToLowerInvariant(), search, [.. tags.Select(MediaTag.KeyOf).Distinct()], states, archived, order,
            pageNumber, pageSize, after, Keyset: page is null || after is not null, target);
    }

    private static bool TryPositive(string? raw, int fallback, int max, out int value)
    {
        if (string.IsNullOrEmpty(raw))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max;
    }
}
