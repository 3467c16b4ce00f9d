namespace MediaVault.Server.Api.Library;

/// <summary>What the library list can be sorted by. Name sorts by the folded name (case and accents ignored); media without a size or duration sort as the smallest.</summary>
public enum LibrarySortField
{
    CreatedAt,
    Name,
    Size,
    Duration,
}
