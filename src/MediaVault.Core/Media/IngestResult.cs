namespace MediaVault.Core.Media;

/// <summary>The outcome of <see cref="MediaIngestor.IngestAsync"/>: a stored, not yet persisted media, or the reason it was refused.</summary>
public sealed record IngestResult(MediaItem? Media, IngestError? Error, string? Detail)
{
    public static IngestResult Stored(MediaItem media) => new(media, null, null);

    public static IngestResult Refused(IngestError error, string detail) => new(null, error, detail);

    public static IngestResult StorageFull() => new(null, IngestError.StorageFull, Storage.StorageFullException.ClientMessage);

    /// <summary>The refusal as a surface-neutral failure; <paramref name="fileName"/> (already sanitized) prefixes content refusals.</summary>
    public Failure ToFailure(string? fileName = null) => Error switch
    {
        IngestError.StorageFull => Failure.InsufficientStorage(),
        IngestError.TooLarge => new Failure(FailureKind.TooLarge, Prefixed(fileName)),
        _ => Failure.BadRequest(Prefixed(fileName)),
    };

    private string Prefixed(string? fileName) => fileName is null ? Detail! : $"{fileName}: {Detail}";
}
