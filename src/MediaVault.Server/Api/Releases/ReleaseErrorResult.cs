using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using MediaVault.Server.OpenApi;

namespace MediaVault.Server.Api.Releases;

/// <summary>A release error answer, <c>{"status": "error", "message"}</c>; in a <c>Results&lt;…&gt;</c> union it documents that body.</summary>
public sealed class ReleaseErrorResult(int statusCode, ReleaseError value) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ReleaseError>, IEndpointMetadataProvider
{
    public int StatusCode => statusCode;

    public ReleaseError Value => value;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    object? IValueHttpResult.Value => value;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Json(value, statusCode: statusCode).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        SurfaceErrorMetadata.Populate(builder, typeof(ReleaseError), "application/json");
}
