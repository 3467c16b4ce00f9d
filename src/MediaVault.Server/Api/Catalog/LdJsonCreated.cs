using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// 201 with a <c>Location</c> and the created resource as JSON-LD; <typeparamref name="TDocument"/> is the record that
/// describes its shape in the OpenAPI document (never instantiated).
/// </summary>
public sealed class LdJsonCreated<TDocument>(JsonObject value, string location) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<JsonObject>, IEndpointMetadataProvider
{
    public int StatusCode => StatusCodes.Status201Created;

    public JsonObject Value => value;

    public string Location => location;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    object? IValueHttpResult.Value => value;

    public Task ExecuteAsync(HttpContext httpContext) => new LdJsonResult(value, StatusCode, location: location).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(TDocument), [LdJsonResult.LdJson, "application/json"]));
    }
}
