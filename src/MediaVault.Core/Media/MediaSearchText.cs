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
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Recomputes the columns derived from a media's own fields: <see cref="MediaItem.NameKey"/>, <see cref="MediaItem.SearchText"/>, <see cref="MediaItem.Duration"/>.</summary>
    public static void Fill(MediaItem media)
    {
        media.NameKey = Normalize(media.Name);
        media.SearchText = string.Join('\n', Normalize(media.Name), Normalize(media.AltText), Normalize(media.Description));
        media.Duration = media.Kind == MediaKind.Image ? null : DurationOf(media.MetadataJson);
    }

    private static double? DurationOf(string metadataJson)
    {
        var metadata = MediaMetadata.Parse(metadataJson);
        return Seconds(metadata[MetadataKeys.Duration]) ?? Seconds((metadata[MetadataKeys.Declared] as JsonObject)?[MetadataKeys.Duration]);
    }

    private static double? Seconds(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var seconds) ? seconds : null;
}
