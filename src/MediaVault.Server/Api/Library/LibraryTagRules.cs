using MediaVault.Core;
using MediaVault.Core.Media;

namespace MediaVault.Server.Api.Library;

/// <summary>Checks submitted tags: each 1–64 characters after trimming; duplicates (case-insensitive) keep the first.</summary>
public static class LibraryTagRules
{
    /// <summary>The trimmed, de-duplicated tags, or a 400 naming <c>tags</c>.</summary>
    public static Outcome<List<string>> Clean(IReadOnlyList<string?>? tags)
    {
        if (tags is null)
        {
            return Failure.BadRequest("tags must be an array of strings");
        }

        var cleaned = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in tags)
        {
            var tag = raw?.Trim();
            if (string.IsNullOrEmpty(tag) || tag.Length > LibraryFieldLimits.Tag)
            {
                return Failure.BadRequest($"tags: each tag must be 1 to {LibraryFieldLimits.Tag} characters");
            }

            if (keys.Add(MediaTag.KeyOf(tag)))
            {
                cleaned.Add(tag);
            }
        }

        return cleaned;
    }

    public static Failure TooMany() => Failure.BadRequest($"tags: a media can have at most {LibraryFieldLimits.TagsPerMedia} tags");
}
