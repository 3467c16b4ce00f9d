using MediaVault.Core.Media;
using MediaVault.Core.Storage;

namespace MediaVault.Server.Application.Media;

/// <summary>
/// Where new media go and what they may be. <paramref name="TenantKey"/> applies the tenant's cap (none when null);
/// <paramref name="MaxBytes"/> and <paramref name="MaxBytesForKind"/> are a surface's own caps in bytes, on top of
/// <see cref="MediaOptions"/>. <paramref name="NameInRefusals"/> prefixes content refusals with the file's name.
/// </summary>
public sealed record IntakePolicy(
    Guid TenantId,
    StorageArea Area,
    IReadOnlySet<MediaKind> Kinds,
    string? TenantKey,
    long? MaxBytes = null,
    Func<MediaKind, long>? MaxBytesForKind = null,
    bool NameInRefusals = true)
{
    public static readonly IReadOnlySet<MediaKind> AllKinds = new HashSet<MediaKind>(Enum.GetValues<MediaKind>());
}
