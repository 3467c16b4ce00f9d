using System.Text.Json.Nodes;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// The JSON-LD contexts of the catalogue, one per class as API Platform serves them at <c>/rest/api/contexts/{Class}</c>:
/// an absolute <c>@vocab</c> (the Hydra documentation, which defines every term under it), the <c>hydra</c>,
/// <c>schema</c> and <c>xsd</c> prefixes, links typed <c>@id</c> and properties mapped to schema.org. Every construct
/// is JSON-LD 1.0, so processors read it in either processing mode.
/// </summary>
public static class CatalogContexts
{
    public const string Path = CatalogIris.Base + "/contexts";
    public const string Entrypoint = "Entrypoint";

    public static string Iri(string name) => $"{Path}/{name}";

    /// <summary>The class named by a context IRI of this API, or null.</summary>
    public static string? NameOf(string iri) =>
        iri.StartsWith(Path + "/", StringComparison.Ordinal) && iri.Length > Path.Length + 1 ? iri[(Path.Length + 1)..] : null;

    /// <summary>The API vocabulary: the documentation's IRI and <c>#</c>, absolute as JSON-LD 1.0 requires.</summary>
    public static string Vocabulary(string origin) => $"{origin}{CatalogApiDocumentation.Path}#";

    /// <summary>The scheme, host and path base the request came in on.</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>
    /// The context of <paramref name="name"/>, or null for an unknown name. <paramref name="embedded"/> adds an
    /// absolute <c>@base</c>, so a document read without its URL still resolves its relative <c>@id</c>s (a remote
    /// context's <c>@base</c> is ignored by processors, so the served one has none).
    /// </summary>
    public static JsonObject? Build(string name, string origin, bool embedded = false)
    {
        JsonObject context;
        if (name == Entrypoint)
        {
            context = Base(origin, embedded);
            foreach (var resource in CatalogVocabulary.Resources)
            {
                context[resource.EntrypointName!] = new JsonObject { ["@id"] = $"{Entrypoint}/{resource.EntrypointName}", ["@type"] = "@id" };
            }

            return context;
        }

        if (CatalogVocabulary.Find(name) is not { } type)
        {
            return null;
        }

        context = Base(origin, embedded);
        foreach (var term in type.Terms.Concat(type.ContextOnly))
        {
            context.TryAdd(term.Name, Definition(term, type.Name));
        }

        return context;
    }

    private static JsonNode Definition(CatalogTerm term, string className)
    {
        var iri = term.IriIn(className);
        if (term.Link)
        {
            return new JsonObject { ["@id"] = iri, ["@type"] = "@id" };
        }

        return term.Range == "xsd:dateTime" ? new JsonObject { ["@id"] = iri, ["@type"] = "xsd:dateTime" } : JsonValue.Create(iri);
    }

    private static JsonObject Base(string origin, bool embedded)
    {
        var context = new JsonObject { ["@vocab"] = Vocabulary(origin) };
        if (embedded)
        {
            context["@base"] = origin + CatalogIris.Base + "/";
        }

        context["hydra"] = CatalogVocabulary.Hydra;
        context["schema"] = CatalogVocabulary.Schema;
        context["xsd"] = CatalogVocabulary.Xsd;

        // Hydra's own context types these as links; written with the prefix they need the same here.
        foreach (var link in new[] { "hydra:first", "hydra:last", "hydra:next", "hydra:previous" })
        {
            context[link] = new JsonObject { ["@type"] = "@id" };
        }

        context["hydra:variableRepresentation"] = new JsonObject { ["@type"] = "@vocab" };
        context["BasicRepresentation"] = "hydra:BasicRepresentation";
        context["IriTemplateMapping"] = "hydra:IriTemplateMapping";
        context["variable"] = "hydra:variable";
        context["property"] = new JsonObject { ["@id"] = "hydra:property", ["@type"] = "@vocab" };
        context["required"] = "hydra:required";
        return context;
    }
}
