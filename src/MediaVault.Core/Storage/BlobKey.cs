using MediaVault.Core.Media;

namespace MediaVault.Core.Storage;

/// <summary>
/// The address of one stored object, built from tenant and media ids only:
/// <c>{area}/{tenant}/{media}/{name}</c> where name is <c>original</c> or <c>renditions/{rendition}</c>.
/// </summary>
public readonly record struct BlobKey
{
    public const string OriginalName = "original";

    private BlobKey(StorageArea area, Guid tenantId, string mediaId, string name)
    {
        Area = area;
        TenantId = tenantId;
        MediaId = mediaId;
        Name = name;
    }

    public StorageArea Area { get; }

    public Guid TenantId { get; }

    public string MediaId { get; }

    public string Name { get; }

    /// <summary>The key as a relative path with forward slashes.</summary>
    public string Path => $"{AreaPrefix(Area)}/{TenantId:N}/{MediaId}/{Name}";

    /// <summary>The folder-like prefix shared by a media's original and renditions.</summary>
    public static string MediaPrefix(StorageArea area, Guid tenantId, string mediaId)
    {
        EnsureMediaId(mediaId);
        return $"{AreaPrefix(area)}/{tenantId:N}/{mediaId}/";
    }

    public static BlobKey Original(StorageArea area, Guid tenantId, string mediaId)
    {
        EnsureMediaId(mediaId);
        return new BlobKey(area, tenantId, mediaId, OriginalName);
    }

    /// <exception cref="ArgumentException">The rendition name has characters other than <c>[a-z0-9._-]</c>.</exception>
    public static BlobKey Rendition(StorageArea area, Guid tenantId, string mediaId, string renditionName)
    {
        EnsureMediaId(mediaId);
        if (renditionName.Length is 0 or > 100 || renditionName.StartsWith('.')
            || !renditionName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ArgumentException($"Invalid rendition name '{renditionName}'.", nameof(renditionName));
        }

        return new BlobKey(area, tenantId, mediaId, "renditions/" + renditionName);
    }

    public BlobKey InArea(StorageArea area) => new(area, TenantId, MediaId, Name);

    /// <summary>One chunk of a resumable upload, named by the byte offset it starts at (so names sort by position).</summary>
    public static BlobKey UploadPart(Guid tenantId, string uploadId, long offset)
    {
        EnsureMediaId(uploadId);
        return new BlobKey(StorageArea.Uploads, tenantId, uploadId, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"part-{offset:D20}"));
    }

    /// <summary>The byte offset of an <see cref="UploadPart"/> key, or null for any other key.</summary>
    public long? UploadPartOffset =>
        Area == StorageArea.Uploads && Name.StartsWith("part-", StringComparison.Ordinal)
            && long.TryParse(Name.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset)
            ? offset
            : null;

    /// <summary>Parses a <see cref="Path"/> back into a key; false for anything this type would not have built.</summary>
    public static bool TryParse(string path, out BlobKey key)
    {
        key = default;
        var parts = path.Split('/');
        if (parts.Length is not (4 or 5) || !Guid.TryParseExact(parts[1], "N", out var tenantId) || !Media.MediaId.IsWellFormed(parts[2]))
        {
            return false;
        }

        StorageArea? area = parts[0] switch
        {
            "temporary" => StorageArea.Temporary,
            "permanent" => StorageArea.Permanent,
            "uploads" => StorageArea.Uploads,
            _ => null,
        };
        if (area is null)
        {
            return false;
        }

        try
        {
            key = parts.Length == 4 && parts[3] == OriginalName
                ? Original(area.Value, tenantId, parts[2])
                : parts.Length == 5 && parts[3] == "renditions" ? Rendition(area.Value, tenantId, parts[2], parts[4])
                : parts.Length == 4 && area == StorageArea.Uploads && parts[3].StartsWith("part-", StringComparison.Ordinal)
                    && long.TryParse(parts[3].AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset)
                    ? UploadPart(tenantId, parts[2], offset) : default;
        }
        catch (ArgumentException)
        {
            return false;
        }

        return key.MediaId is not null;
    }

    public override string ToString() => Path;

    /// <summary>The top-level folder (key prefix) of an area: <c>temporary</c>, <c>permanent</c> or <c>uploads</c>.</summary>
    public static string AreaFolder(StorageArea area) => AreaPrefix(area);

    private static string AreaPrefix(StorageArea area) => area switch
    {
        StorageArea.Temporary => "temporary",
        StorageArea.Permanent => "permanent",
        StorageArea.Uploads => "uploads",
        _ => throw new ArgumentOutOfRangeException(nameof(area)),
    };

    private static void EnsureMediaId(string mediaId)
    {
        if (!Media.MediaId.IsWellFormed(mediaId))
        {
            throw new ArgumentException($"Invalid media id '{mediaId}'.", nameof(mediaId));
        }
    }
}
