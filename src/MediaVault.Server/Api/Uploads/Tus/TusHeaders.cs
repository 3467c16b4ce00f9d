namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>tus 1.0.0 header names and protocol constants.</summary>
public static class TusHeaders
{
    public const string Version = "1.0.0";
    public const string Resumable = "Tus-Resumable";
    public const string SupportedVersions = "Tus-Version";
    public const string Extensions = "Tus-Extension";
    public const string MaxSize = "Tus-Max-Size";
    public const string ChecksumAlgorithms = "Tus-Checksum-Algorithm";
    public const string UploadOffset = "Upload-Offset";
    public const string UploadLength = "Upload-Length";
    public const string UploadDeferLength = "Upload-Defer-Length";
    public const string UploadMetadata = "Upload-Metadata";
    public const string UploadExpires = "Upload-Expires";
    public const string UploadChecksum = "Upload-Checksum";
    public const string MethodOverride = "X-HTTP-Method-Override";

    /// <summary>Ours: the id of the media a finished upload became.</summary>
    public const string MediaId = "Upload-Media-Id";

    public const string OffsetContentType = "application/offset+octet-stream";
    public const string SupportedExtensions = "creation,creation-with-upload,creation-defer-length,termination,checksum,expiration";

    /// <summary>The status tus uses for a chunk whose checksum does not match.</summary>
    public const int ChecksumMismatch = 460;
}
