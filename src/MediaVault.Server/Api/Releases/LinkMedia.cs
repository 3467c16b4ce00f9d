using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Storage;

namespace MediaVault.Server.Api.Releases;

/// <summary>Turns a submitted <see cref="LinkItem"/> into a link media, checking URL and type.</summary>
public static class LinkMedia
{
    public static Outcome<MediaItem> Create(Guid tenantId, LinkItem? link, IReadOnlySet<MediaKind> allowedKinds, DateTime now)
    {
        if (link is null || string.IsNullOrWhiteSpace(link.Url))
        {
            return Failure.BadRequest("Each link needs a url");
        }

        var lengths = TextLimits.First(
            TextLimits.Check(link.Url, "url", ReleaseFieldLimits.LinkUrl),
            TextLimits.Check(link.Name, "name", ReleaseFieldLimits.LinkName),
            TextLimits.Check(link.Type, "type", ReleaseFieldLimits.Enumerated));
        if (lengths.Failed)
        {
            return lengths.Failure;
        }

        if (!Uri.TryCreate(link.Url.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return Failure.BadRequest($"Invalid link url: {link.Url}");
        }

        if (!Enum.TryParse<MediaKind>(link.Type, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(link.Type, out _))
        {
            return Failure.BadRequest($"Link type must be one of: {string.Join(", ", allowedKinds.Select(k => k.ToString().ToLowerInvariant()))}");
        }

        if (!allowedKinds.Contains(kind))
        {
            return Failure.BadRequest($"Link type {kind.ToString().ToLowerInvariant()} is not allowed here");
        }

        var name = string.IsNullOrWhiteSpace(link.Name) ? Uri.UnescapeDataString(url.Segments[^1]) : link.Name;
        return new MediaItem
        {
            Id = MediaId.New(),
            TenantId = tenantId,
            Kind = kind,
            Name = FileNames.Sanitize(name),
            IsLink = true,
            LinkUrl = url.AbsoluteUri,
            State = MediaState.Ready,
            Area = StorageArea.Permanent,
            MetadataJson = """{"linkValidated":false}""",
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
