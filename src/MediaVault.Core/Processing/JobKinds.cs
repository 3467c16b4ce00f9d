namespace MediaVault.Core.Processing;

public static class JobKinds
{
    /// <summary>Extract metadata from a stored original and mark the media ready (or failed).</summary>
    public const string ProcessMedia = "process-media";

    /// <summary>Make an image's larger thumbnails once it is ready (processing makes the smallest one).</summary>
    public const string RenderPreviews = "render-previews";

    /// <summary>Measure a ready release audio or image for delivery profiles (loudness, silence, fingerprint, colour space).</summary>
    public const string AnalyzeMedia = "analyze-media";

    /// <summary>Make one release media's conformed rendition for a delivery profile (FLAC/WAV, sRGB JPEG).</summary>
    public const string ConformReleaseMedia = "conform-release-media";

    /// <summary>Move every file of an approved release from temporary to permanent storage, then complete it.</summary>
    public const string PromoteRelease = "promote-release";

    /// <summary>Remove a deleted media's original and renditions from storage.</summary>
    public const string DeleteBlobs = "delete-blobs";

    /// <summary>Check whether a link media's URL answers.</summary>
    public const string ValidateLink = "validate-link";

    /// <summary>Remove stored objects that no media row owns, and stale staging files (after a grace period).</summary>
    public const string SweepOrphans = "sweep-orphans";

    /// <summary>Delete media still pending (never uploaded) long after their upload window.</summary>
    public const string ExpirePending = "expire-pending";

    /// <summary>Make a library media's rendition that fits one social profile, check it against the profile, then store it.</summary>
    public const string ConformMedia = "conform-media";

    /// <summary>Kinds that only run when no other job is due: nobody waits on them.</summary>
    public static readonly string[] Background = [RenderPreviews];
}
