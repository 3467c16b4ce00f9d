using System.Text.Json.Nodes;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// The Hydra API documentation at <c>/rest/api/docs.jsonld</c>, in the shape API Platform's documentation normalizer
/// gives it: a <c>hydra:ApiDocumentation</c> whose <c>hydra:supportedClass</c> lists each resource class with its
/// properties and operations, the entrypoint class (whose properties lead Hydra clients to each collection), and the
/// error classes. Its <c>#Class/property</c> fragments are the terms the contexts' <c>@vocab</c> expands to.
/// </summary>
public static class CatalogApiDocumentation
{
    public const string Path = CatalogIris.Base + "/docs.jsonld";
    public const string Title = "MediaVault catalogue";

    public static JsonObject Build(string origin) => new()
    {
        ["@context"] = new JsonArray(HydraTerms(), new JsonObject
        {
            ["@vocab"] = CatalogContexts.Vocabulary(origin),
            ["@base"] = origin + Path,
            ["domain"] = new JsonObject { ["@id"] = "rdfs:domain", ["@type"] = "@id" },
            ["range"] = new JsonObject { ["@id"] = "rdfs:range", ["@type"] = "@id" },
            ["subClassOf"] = new JsonObject { ["@id"] = "rdfs:subClassOf", ["@type"] = "@id" },
        }),
        ["@id"] = Path,
        ["@type"] = "hydra:ApiDocumentation",
        ["hydra:title"] = Title,
        ["hydra:description"] = "Media, products and variants of an organisation's catalogue. Every request but this documentation, "
            + "the entrypoint and the contexts needs credentials and the X-Flowkiwi-Organization-Id header.",
        ["hydra:entrypoint"] = CatalogIris.Base,
        ["hydra:supportedClass"] = new JsonArray(
        [
            .. CatalogVocabulary.Resources.Select(Class),
            EntrypointClass(),
            Class(CatalogVocabulary.ConstraintViolationList),
            Class(CatalogVocabulary.Error),
        ]),
    };

    /// <summary>The part of Hydra's context the documentation uses, inline as API Platform does, so no w3.org fetch is needed.</summary>
    private static JsonObject HydraTerms() => new()
    {
        ["hydra"] = CatalogVocabulary.Hydra,
        ["rdf"] = CatalogVocabulary.Rdf,
        ["rdfs"] = CatalogVocabulary.Rdfs,
        ["xsd"] = CatalogVocabulary.Xsd,
        ["owl"] = CatalogVocabulary.Owl,
        ["schema"] = CatalogVocabulary.Schema,
        ["label"] = "rdfs:label",
        ["hydra:entrypoint"] = new JsonObject { ["@type"] = "@id" },
        ["returns"] = new JsonObject { ["@id"] = "hydra:returns", ["@type"] = "@vocab" },
        ["expects"] = new JsonObject { ["@id"] = "hydra:expects", ["@type"] = "@vocab" },
    };

    private static JsonNode Class(CatalogClass type)
    {
        var node = new JsonObject
        {
            ["@id"] = "#" + type.Name,
            ["@type"] = "hydra:Class",
            ["hydra:title"] = type.Name,
            ["hydra:description"] = type.Description,
            ["hydra:supportedProperty"] = new JsonArray(type.Terms.Select(t => Property(t, type.Name)).ToArray()),
            ["hydra:supportedOperation"] = new JsonArray(type.ItemMethods.Select(m => Operation(m, type.Name, collection: false)).ToArray()),
        };
        if (type == CatalogVocabulary.Error || type == CatalogVocabulary.ConstraintViolationList)
        {
            node["subClassOf"] = "hydra:Error";
        }

        return node;
    }

    private static JsonNode Property(CatalogTerm term, string className)
    {
        var property = new JsonObject
        {
            ["@id"] = term.DocumentedIriIn(className),
            ["@type"] = term.Link ? "hydra:Link" : "rdf:Property",
            ["label"] = term.Name,
            ["domain"] = "#" + className,
        };
        if (term.Single)
        {
            property["owl:maxCardinality"] = 1;
        }

        if (term.Range is not null)
        {
            property["range"] = term.Range;
        }

        return new JsonObject
        {
            ["@type"] = "hydra:SupportedProperty",
            ["hydra:property"] = property,
            ["hydra:title"] = term.Name,
            ["hydra:required"] = term.Required,
            ["hydra:readable"] = true,
            ["hydra:writeable"] = term.Writable,
            ["hydra:description"] = term.Description,
        };
    }

    private static JsonNode Operation(string method, string shortName, bool collection)
    {
        var (types, description, returns, expects) = method switch
        {
            "GET" when collection => (new JsonArray("hydra:Operation", "schema:FindAction"), $"Retrieves the collection of {shortName} resources.", "hydra:Collection", null),
            "GET" => (new JsonArray("hydra:Operation", "schema:FindAction"), $"Retrieves a {shortName} resource.", shortName, null),
            "POST" => (new JsonArray("hydra:Operation", "schema:CreateAction"), $"Creates a {shortName} resource.", shortName, shortName),
            "PATCH" => (new JsonArray("hydra:Operation"), $"Updates the {shortName} resource.", shortName, shortName),
            "DELETE" => (new JsonArray("hydra:Operation", "schema:DeleteAction"), $"Deletes the {shortName} resource.", "owl:Nothing", (string?)null),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };
        var operation = new JsonObject
        {
            ["@type"] = types,
            ["hydra:description"] = description,
            ["hydra:method"] = method,
            ["hydra:title"] = $"{method.ToLowerInvariant()}{shortName}{(collection && method == "GET" ? "Collection" : "")}",
            ["returns"] = returns,
        };
        if (expects is not null)
        {
            operation["expects"] = expects;
        }

        return operation;
    }

    /// <summary>The entrypoint's class: one link per collection, whose range says what its members are.</summary>
    private static JsonNode EntrypointClass() => new JsonObject
    {
        ["@id"] = "#Entrypoint",
        ["@type"] = "hydra:Class",
        ["hydra:title"] = "Entrypoint",
        ["hydra:supportedProperty"] = new JsonArray(CatalogVocabulary.Resources.Select(resource => (JsonNode)new JsonObject
        {
            ["@type"] = "hydra:SupportedProperty",
            ["hydra:property"] = new JsonObject
            {
                ["@id"] = $"#Entrypoint/{resource.EntrypointName}",
                ["@type"] = "hydra:Link",
                ["label"] = resource.EntrypointName,
                ["domain"] = "#Entrypoint",
                ["owl:maxCardinality"] = 1,
                ["range"] = new JsonArray("hydra:Collection", new JsonObject
                {
                    ["owl:equivalentClass"] = new JsonObject
                    {
                        ["owl:onProperty"] = new JsonObject { ["@id"] = "hydra:member" },
                        ["owl:allValuesFrom"] = new JsonObject { ["@id"] = "#" + resource.Name },
                    },
                }),
                ["hydra:supportedOperation"] = new JsonArray(resource.CollectionMethods.Select(m => Operation(m, resource.Name, collection: true)).ToArray()),
            },
            ["hydra:title"] = $"get{resource.Name}Collection",
            ["hydra:description"] = $"The collection of {resource.Name} resources",
            ["hydra:readable"] = true,
            ["hydra:writeable"] = false,
        }).ToArray()),
        ["hydra:supportedOperation"] = new JsonObject
        {
            ["@type"] = "hydra:Operation",
            ["hydra:method"] = "GET",
            ["hydra:title"] = "index",
            ["hydra:description"] = "The API Entrypoint.",
            ["returns"] = "Entrypoint",
        },
    };
}
