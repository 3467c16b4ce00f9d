using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using MediaVault.Server.OpenApi;

namespace MediaVault.Server.Api.Library;

/// <summary>A library error answer, <c>{"success": false, "message", "error"}</c>; in a <c>Results&lt;…&gt;</c> union it documents that body.</summary>
public sealed class LibraryErrorResult(int statusCode, LibraryError value) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<LibraryError>, IEndpointMetadataProvider
{
    public int StatusCode => statusCode;

    public LibraryError Value => value;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    object? IValueHttpResult.Value => value;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Json(value, statusCode: statusCode).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        SurfaceErrorMetadata.Populate(builder, typeof(LibraryError), "application/json");
}
