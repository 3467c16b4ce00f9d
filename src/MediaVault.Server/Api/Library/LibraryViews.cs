using System.Text.Json.Serialization;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Server.Api.Delivery;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Library;

/// <summary>A media as the library reference shows it.</summary>
public sealed record LibraryMediaView(
    string Id,
    string MediaLibId,
    string Name,
    string? Path,
    string? Preview,
    string? Type,
    string Status,
    string? Reason,
    string? FailureCode,
    LibrarySpecs Specs,
    DateTime CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AltText,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    IReadOnlyList<string> Tags,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? ArchivedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Compatibility.ConformedView>? Conformed = null);

/// <summary><c>specs</c>: pixel size, duration in seconds (null for images) and the file's size in bytes.</summary>
public sealed record LibrarySpecs(int? Width, int? Height, double? Duration, long? FileSizeBytes);

/// <summary>Body of <c>POST /v2/media</c>'s 201.</summary>
public sealed record CreatedMediaView(string Id, string MediaLibId, string Name, string Type, string Status, string UploadUrl, DateTime UploadExpiresAt);

public sealed record LibraryPage(bool Success, IReadOnlyList<LibraryMediaView> Data, LibraryPagination Pagination);

/// <summary>Page mode fills <c>page</c>, <c>total</c> and <c>totalPages</c>; <c>nextCursor</c> (keyset mode) continues after the last item, null at the end.</summary>
public sealed record LibraryPagination(int? Page, int Limit, int? Total, int? TotalPages, string? NextCursor);

public sealed class LibraryViews(MediaUrls urls, IOptions<ProcessingOptions> processing)
{
    public const string Archived = "ARCHIVED";

    /// <summary>Every status of the reference. ARCHIVED is not a state: it is <see cref="MediaItem.ArchivedAt"/>, shown over any state.</summary>
    private static readonly string[] Statuses = ["PROCESSING", "SUCCESS", "ERROR", Archived];

    /// <summary>The renditions that can be a media's <c>preview</c>, best first (the configured thumbnails).</summary>
    public IReadOnlyList<string> PreviewNames { get; } = RenditionNames.Previews(processing.Value.ThumbnailSizes);

    /// <summary>The reference's status for a core state: unconfirmed and in-flight media are both PROCESSING.</summary>
    public static string Status(MediaState state) => state switch
    {
        MediaState.Pending or MediaState.Uploaded or MediaState.Processing => "PROCESSING",
        MediaState.Ready => "SUCCESS",
        MediaState.Failed => "ERROR",
    };

    /// <summary>
    /// The core states a <c>status</c> filter names, the inverse of <see cref="Status"/> (ARCHIVED names none: it is
    /// filtered by <see cref="MediaItem.ArchivedAt"/>); null for a status the reference does not have.
    /// </summary>
    public static MediaState[]? States(string status)
    {
        var wanted = status.ToUpperInvariant();
        return Statuses.Contains(wanted) ? [.. Enum.GetValues<MediaState>().Where(s => Status(s) == wanted)] : null;
    }

    public LibraryMediaView Media(HttpRequest request, MediaItem media)
    {
        var confirmed = media.State != MediaState.Pending;
        // Only a processed media has a preview. A list reads the page's rows and their renditions in two statements
        // (two snapshots), so a media whose processing committed between them would otherwise show as PROCESSING with
        // the preview that commit added; its renditions and its Ready state are committed together.
        var preview = Status(media.State) == "PROCESSING" ? null : PreviewNames.FirstOrDefault(n => media.Renditions.Any(r => r.Name == n));
        // The metadata's width, height and duration as every write stores them (MediaSearchText.Fill): no JSON parse per item.
        var specs = new LibrarySpecs(media.Width, media.Height, media.Duration, media.Size);
        return new LibraryMediaView(
            media.Id, media.Id, media.Name,
            confirmed ? urls.For(request, media) : null,
            confirmed && preview is not null ? urls.For(request, media, preview) : null,
            media.MimeType, media.ArchivedAt is null ? Status(media.State) : Archived, media.FailureReason, media.FailureCode, specs, media.CreatedAt,
            media.AltText, media.Description, [.. media.Tags.OrderBy(t => t.Position).Select(t => t.Tag)], media.ArchivedAt);
    }
}
