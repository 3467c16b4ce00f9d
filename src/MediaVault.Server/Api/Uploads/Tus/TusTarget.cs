using MediaVault.Core;
using MediaVault.Core.Tenants;
using MediaVault.Server.Hosting;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// Where a finished upload goes, from its metadata: <c>target=library</c> (default, a new library media),
/// <c>target=media</c> with <c>mediaId</c> (a pending library media), or <c>target=release</c> with <c>releaseId</c>.
/// </summary>
public sealed record TusTarget(string Kind, string? Id, string? FileName)
{
    public const string Library = "library";
    public const string PendingMedia = "media";
    public const string Release = "release";

    public static Outcome<TusTarget> From(IReadOnlyDictionary<string, string> metadata)
    {
        var kind = metadata.GetValueOrDefault("target") is { Length: > 0 } named ? named : Library;
        var fileName = metadata.GetValueOrDefault("filename") ?? metadata.GetValueOrDefault("name");
        return kind switch
        {
            Library => new TusTarget(kind, null, fileName),
            PendingMedia when metadata.GetValueOrDefault("mediaId") is { Length: > 0 } id => new TusTarget(kind, id, fileName),
            Release when metadata.GetValueOrDefault("releaseId") is { Length: > 0 } id => new TusTarget(kind, id, fileName),
            PendingMedia => Failure.BadRequest("target=media needs a mediaId in Upload-Metadata"),
            Release => Failure.BadRequest("target=release needs a releaseId in Upload-Metadata"),
            _ => Failure.BadRequest("target must be library, media or release"),
        };
    }

    /// <summary>The permission the caller needs to upload into this target.</summary>
    public string Permission => Kind == Release ? Permissions.ReleasesWrite : Permissions.MediaWrite;

    public bool IsAllowedFor(Caller caller) => caller.Has(Permission);
}
