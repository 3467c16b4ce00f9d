using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// 200 with a JSON-LD document built as a <see cref="JsonObject"/>; <typeparamref name="TDocument"/> is the record that
/// describes its shape in the OpenAPI document (never instantiated).
/// </summary>
public sealed class LdJsonOk<TDocument>(JsonObject value) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<JsonObject>, IEndpointMetadataProvider
{
    public int StatusCode => StatusCodes.Status200OK;

    public JsonObject Value => value;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    object? IValueHttpResult.Value => value;

    public Task ExecuteAsync(HttpContext httpContext) => new LdJsonResult(value, StatusCode).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TDocument), [LdJsonResult.LdJson, "application/json"]));
    }
}
