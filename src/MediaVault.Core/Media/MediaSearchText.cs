using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MediaVault.Core.Media;

/// <summary>
/// Folds text the way the library's search compares it: lower-case (invariant) and without diacritics, so
/// "mangore" finds "Mangoré.ogg". Done in C# on write so a plain substring match behaves the same on every database.
/// </summary>
public static class MediaSearchText
{
    /// <summary>The columns' sizes of <see cref="MediaItem.NameKey"/> and <see cref="MediaTag.SearchKey"/>.</summary>
    public const int NameKeyLength = 300;

    public const int TagKeyLength = 64;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var folded = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (DiacriticFolding.Plain.TryGetValue(c, out var plain))
            {
                folded.Append(plain);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                // Combining marks go: an already decomposed "e\u0301" folds like "é".
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    /// <summary><see cref="Normalize"/>, cut to <paramref name="max"/> characters (a column's size: ß folds to two letters).</summary>
    public static string Normalize(string? text, int max)
    {
        var folded = Normalize(text);
        return folded.Length > max ? folded[..max] : folded;
    }

    /// <summary>
    /// Recomputes the columns derived from a media's own fields: <see cref="MediaItem.NameKey"/>, <see cref="MediaItem.SearchText"/>,
    /// <see cref="MediaItem.DurationKey"/>, <see cref="MediaItem.SizeKey"/> and the listed specs (<see cref="MediaItem.Width"/>,
    /// <see cref="MediaItem.Height"/>, <see cref="MediaItem.Duration"/>).
    /// </summary>
    public static void Fill(MediaItem media)
    {
        media.NameKey = Normalize(media.Name, NameKeyLength);
        media.SearchText = string.Join('\n', Normalize(media.Name), Normalize(media.AltText), Normalize(media.Description));
        var metadata = MediaMetadata.Parse(media.MetadataJson);
        var declared = metadata[MetadataKeys.Declared] as JsonObject;
        media.Width = Int(metadata[MetadataKeys.Width]) ?? Int(declared?[MetadataKeys.Width]);
        media.Height = Int(metadata[MetadataKeys.Height]) ?? Int(declared?[MetadataKeys.Height]);
        media.Duration = media.Kind == MediaKind.Image ? null : Seconds(metadata[MetadataKeys.Duration]) ?? Seconds(declared?[MetadataKeys.Duration]);
        media.DurationKey = media.Duration ?? -1;
        media.SizeKey = media.Size ?? -1;
    }

    private static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private static double? Seconds(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var seconds) ? seconds : null;
}
