namespace MediaVault.Server.Api.Library;

/// <summary>Maximum lengths (characters) of <c>POST /v2/media</c>'s text fields; longer is a 400 naming the field.</summary>
public static class LibraryFieldLimits
{
    /// <summary>A file name (<see cref="Core.Media.FileNames.MaxLength"/>; the column holds 300).</summary>
    public const int Name = Core.Media.FileNames.MaxLength;

    /// <summary>A MIME type (the column holds 200).</summary>
    public const int Type = 200;

    /// <summary>Hex SHA-256 (64), with room for surrounding spaces, which are trimmed.</summary>
    public const int Sha256 = 100;
}
