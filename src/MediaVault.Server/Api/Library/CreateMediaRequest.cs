namespace MediaVault.Server.Api.Library;

/// <summary>Body of <c>POST /v2/media</c>: what the client knows of the file it is about to upload.</summary>
public sealed class CreateMediaRequest
{
    /// <summary>File name, e.g. <c>product-photo.jpg</c>.</summary>
    public string? Name { get; set; }

    /// <summary>MIME type, e.g. <c>image/jpeg</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Exact size in bytes.</summary>
    public long? FileSize { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>Seconds.</summary>
    public double? Duration { get; set; }

    /// <summary>Optional lower-case hex SHA-256 the upload must match.</summary>
    public string? Sha256 { get; set; }
}
