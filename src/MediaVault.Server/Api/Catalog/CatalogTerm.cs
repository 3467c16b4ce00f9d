namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// One property of a catalogue class: its JSON name, the IRI it stands for and how the Hydra documentation describes it.
/// </summary>
/// <param name="Iri">A schema.org (or other) compact IRI, or null for the class's own term in the API's vocabulary (<c>Media/type</c>).</param>
/// <param name="Range">The documented range (<c>xsd:string</c>, <c>#Media</c>…), or null when it is a structured value.</param>
/// <param name="Link">The value is an IRI (or a list of IRIs) of another resource: <c>@type: @id</c> in the context, a <c>hydra:Link</c> in the documentation.</param>
/// <param name="Single">A link to at most one resource (<c>owl:maxCardinality 1</c>).</param>
/// <param name="Owner">The class that defines a vocabulary term shared with another class's context (Error's terms in ConstraintViolationList's).</param>
public sealed record CatalogTerm(string Name, string? Iri, string? Range, string Description, bool Link = false, bool Writable = false, bool Required = false, bool Single = false, string? Owner = null)
{
    /// <summary>The IRI in the class's context: the given one, or <c>Class/name</c> under the API vocabulary.</summary>
    public string IriIn(string className) => Iri ?? $"{Owner ?? className}/{Name}";

    /// <summary>The IRI as the documentation names it (relative to the documentation, as API Platform writes it).</summary>
    public string DocumentedIriIn(string className) => Iri ?? $"#{Owner ?? className}/{Name}";
}
