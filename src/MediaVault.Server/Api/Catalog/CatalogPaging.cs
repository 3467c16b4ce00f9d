using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MediaVault.Server.Api.Catalog;

/// <summary>Reads <c>page</c> and <c>itemsPerPage</c>; a bad value is a 400 naming the parameter.</summary>
public static class CatalogPaging
{
    public static bool TryRead(HttpRequest request, CatalogOptions options, out int page, out int itemsPerPage, [NotNullWhen(false)] out string? error)
    {
        error = null;
        page = 1;
        itemsPerPage = options.DefaultItemsPerPage;
        if (request.Query.TryGetValue("page", out var rawPage) && !TryPositive(rawPage.ToString(), int.MaxValue, out page))
        {
            error = "page: This value should be a positive integer.";
            return false;
        }

        if (request.Query.TryGetValue("itemsPerPage", out var rawSize) && !TryPositive(rawSize.ToString(), options.MaxItemsPerPage, out itemsPerPage))
        {
            error = $"itemsPerPage: This value should be between 1 and {options.MaxItemsPerPage}.";
            return false;
        }

        return true;
    }

    /// <summary>The query string without <c>page</c>, to build the view's page links.</summary>
    public static string QueryWithoutPage(HttpRequest request) =>
        string.Join('&', request.Query.Where(q => q.Key != "page")
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}")));

    private static bool TryPositive(string raw, int max, out int value) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max;
}
