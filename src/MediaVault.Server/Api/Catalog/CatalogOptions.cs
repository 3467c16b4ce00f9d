using System.ComponentModel.DataAnnotations;

namespace MediaVault.Server.Api.Catalog;

/// <summary>Section <c>Catalog</c>: the catalogue surface's upload limits and paging.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Largest image or file upload in bytes (the reference's 5 MB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Largest video upload in bytes (the reference's 100 MB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxVideoBytes { get; set; } = 100L * 1024 * 1024;

    [Range(1, 1000)]
    public int DefaultItemsPerPage { get; set; } = 30;

    [Range(1, 1000)]
    public int MaxItemsPerPage { get; set; } = 100;
}
