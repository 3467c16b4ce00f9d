using System.Text.Json.Nodes;
using MediaVault.Core.Media;

namespace MediaVault.Server.Api.Catalog;

/// <summary>JSON-LD building blocks of the catalogue surface (Hydra vocabulary, API Platform style).</summary>
public static class CatalogJsonLd
{
    /// <summary>
    /// The <c>@context</c> of a top-level document of <paramref name="type"/>: its context IRI, which
    /// <see cref="LdJsonResult"/> writes embedded (see <see cref="CatalogContexts"/>).
    /// </summary>
    public static JsonNode Context(string type) => JsonValue.Create(CatalogContexts.Iri(type));

    /// <summary>The catalogue's <c>type</c>: audio and documents are <c>file</c> here.</summary>
    public static string TypeOf(MediaKind kind) => kind switch
    {
        MediaKind.Image => "image",
        MediaKind.Video => "video",
        _ => "file",
    };

    public static JsonObject Media(MediaItem media, string? contentUrl, bool withContext)
    {
        var metadata = MediaMetadata.Parse(media.MetadataJson);
        JsonNode? dimensions = media.Kind == MediaKind.Image && metadata[MetadataKeys.Width] is JsonValue width && metadata[MetadataKeys.Height] is JsonValue height
            ? new JsonObject { ["width"] = width.GetValue<int>(), ["height"] = height.GetValue<int>() }
            : null;
        var item = new JsonObject();
        if (withContext)
        {
            item["@context"] = Context("Media");
        }

        item["@id"] = CatalogIris.Media(media.Id);
        item["@type"] = "Media";
        item["id"] = media.Id;
        item["contentUrl"] = contentUrl;
        item["mimeType"] = media.MimeType;
        item["type"] = TypeOf(media.Kind);
        item["hash"] = media.Sha256;
        item["dimensions"] = dimensions;
        item["createdAt"] = media.CreatedAt;
        item["updatedAt"] = media.UpdatedAt;
        return item;
    }

    /// <summary>A <c>hydra:Collection</c> page with its view (first/last/previous/next) and search template.</summary>
    public static JsonObject Collection(string type, string path, IEnumerable<JsonNode> members, int total, int page, int itemsPerPage, string query, JsonObject? search)
    {
        var last = Math.Max(1, (total + itemsPerPage - 1) / itemsPerPage);
        string PageIri(int number) => $"{path}?{(query.Length > 0 ? query + "&" : "")}page={number}";
        var view = new JsonObject
        {
            ["@id"] = PageIri(page),
            ["@type"] = "hydra:PartialCollectionView",
            ["hydra:first"] = PageIri(1),
            ["hydra:last"] = PageIri(last),
        };
        if (page > 1)
        {
            view["hydra:previous"] = PageIri(Math.Min(page - 1, last));
        }

        if (page < last)
        {
            view["hydra:next"] = PageIri(page + 1);
        }

        var collection = new JsonObject
        {
            ["@context"] = Context(type),
            ["@id"] = path,
            ["@type"] = "hydra:Collection",
            ["hydra:member"] = new JsonArray(members.ToArray()),
            ["hydra:totalItems"] = total,
            ["hydra:view"] = view,
        };
        if (search is not null)
        {
            collection["hydra:search"] = search;
        }

        return collection;
    }

    /// <summary>A <c>hydra:IriTemplate</c> naming the filters a collection accepts.</summary>
    public static JsonObject Search(string path, params string[] variables) => new()
    {
        ["@type"] = "hydra:IriTemplate",
        ["hydra:template"] = $"{path}{{?{string.Join(',', variables)}}}",
        ["hydra:variableRepresentation"] = "BasicRepresentation",
        ["hydra:mapping"] = new JsonArray(variables.Select(v => (JsonNode)new JsonObject
        {
            ["@type"] = "IriTemplateMapping",
            ["variable"] = v,
            ["property"] = v.TrimEnd('[', ']'),
            ["required"] = false,
        }).ToArray()),
    };
}
