namespace MediaVault.Core.Media;

/// <summary>The outcome of <see cref="MediaIngestor.IngestAsync"/>: a stored, not yet persisted media, or the reason it was refused.</summary>
public sealed record IngestResult(MediaItem? Media, IngestError? Error, string? Detail)
{
    public static IngestResult Stored(MediaItem media) => new(media, null, null);

    public static IngestResult Refused(IngestError error, string detail) => new(null, error, detail);
}
