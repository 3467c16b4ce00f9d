namespace MediaVault.Server.Api.Releases;

/// <summary>
/// Maximum lengths (characters) of the release surface's text fields; longer is a 400 naming the field and its
/// maximum. Where a column has a length (title and displayArtist 500, isrc and iswc 20, a media name 300, a link URL
/// 2048) the limit is at most that length; the other fields have unbounded columns and are checked here only.
/// Free-form objects (artists, contributors, genres, metadata) are bounded by the JSON body limit.
/// </summary>
public static class ReleaseFieldLimits
{
    public const int Title = 500;
    public const int DisplayArtist = 500;
    public const int Version = 500;
    public const int Label = 500;
    public const int Copyright = 500;
    public const int Description = 5000;
    public const int OwnerId = 100;
    public const int Isrc = 20;
    public const int Iswc = 20;
    public const int Lyrics = 20000;
    public const int Language = 50;
    public const int Feedback = 5000;
    public const int Reason = 5000;
    public const int LinkUrl = 2048;

    /// <summary>A link's name, as a file name (<see cref="Core.Media.FileNames.MaxLength"/>).</summary>
    public const int LinkName = Core.Media.FileNames.MaxLength;

    /// <summary>Enumerated values (format, type, explicit, link type, action, status): far shorter when valid.</summary>
    public const int Enumerated = 50;
}
