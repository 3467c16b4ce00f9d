using System.Text.Json.Nodes;
using MediaVault.Core.Catalog;

namespace MediaVault.Server.Api.Catalog;

/// <summary>Products and variants as JSON-LD.</summary>
public static class CatalogViews
{
    public static JsonObject Product(Product product, IEnumerable<string> medias, IEnumerable<JsonNode> variants, bool withContext)
    {
        var item = withContext ? new JsonObject { ["@context"] = CatalogJsonLd.Context("Product") } : [];
        item["@id"] = CatalogIris.Product(product.Id);
        item["@type"] = "Product";
        item["id"] = product.Id.ToString();
        item["name"] = product.Name;
        item["sku"] = product.Sku;
        item["description"] = product.Description;
        item["medias"] = Strings(medias);
        item["variants"] = new JsonArray(variants.ToArray());
        item["createdAt"] = product.CreatedAt;
        item["updatedAt"] = product.UpdatedAt;
        return item;
    }

    public static JsonObject Variant(Variant variant, IEnumerable<string> medias, bool withContext)
    {
        var item = withContext ? new JsonObject { ["@context"] = CatalogJsonLd.Context("Variant") } : [];
        item["@id"] = CatalogIris.Variant(variant.Id);
        item["@type"] = "Variant";
        item["id"] = variant.Id.ToString();
        item["product"] = CatalogIris.Product(variant.ProductId);
        item["name"] = variant.Name;
        item["sku"] = variant.Sku;
        item["medias"] = Strings(medias);
        item["createdAt"] = variant.CreatedAt;
        item["updatedAt"] = variant.UpdatedAt;
        return item;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
