using System.Reflection;
using System.Text.Json.Nodes;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.Metadata;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// A catalogue problem (<c>application/problem+json</c>) as <see cref="CatalogProblems"/> builds it; in a
/// <c>Results&lt;…&gt;</c> union it documents the <see cref="CatalogProblem"/> body.
/// </summary>
public sealed class CatalogProblemResult(int statusCode, JsonObject value) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<JsonObject>, IEndpointMetadataProvider
{
    public int StatusCode => statusCode;

    public JsonObject Value => value;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    object? IValueHttpResult.Value => value;

    public Task ExecuteAsync(HttpContext httpContext) => new LdJsonResult(value, statusCode, LdJsonResult.ProblemJson).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        SurfaceErrorMetadata.Populate(builder, typeof(CatalogProblem), LdJsonResult.ProblemJson);
}
