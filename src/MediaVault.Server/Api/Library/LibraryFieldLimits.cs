namespace MediaVault.Server.Api.Library;

/// <summary>Maximum lengths (characters) of the library's text fields and sizes of its lists; more is a 400 naming the field.</summary>
public static class LibraryFieldLimits
{
    /// <summary>A file name (<see cref="Core.Media.FileNames.MaxLength"/>; the column holds 300).</summary>
    public const int Name = Core.Media.FileNames.MaxLength;

    /// <summary>A MIME type (the column holds 200).</summary>
    public const int Type = 200;

    /// <summary>Hex SHA-256 (64), with room for surrounding spaces, which are trimmed.</summary>
    public const int Sha256 = 100;

    /// <summary>A media's alt text.</summary>
    public const int AltText = 1000;

    /// <summary>A media's description.</summary>
    public const int Description = 5000;

    /// <summary>One tag (at least 1 after trimming).</summary>
    public const int Tag = 64;

    /// <summary>Tags on one media.</summary>
    public const int TagsPerMedia = 50;

    /// <summary>Ids in one bulk request.</summary>
    public const int BulkIds = 500;

    /// <summary>The list's search text <c>q</c>.</summary>
    public const int Query = 200;
}
