using System.Reflection;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.Metadata;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>A tus error answer: its status and a plain-text message (what tus clients show); in a <c>Results&lt;…&gt;</c> union it documents that body.</summary>
public sealed class TusErrorResult(int statusCode, string message) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<string>, IEndpointMetadataProvider
{
    public const string ContentType = "text/plain; charset=utf-8";

    public int StatusCode => statusCode;

    public string Value => message;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    object? IValueHttpResult.Value => message;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Text(message + "\n", ContentType, statusCode: statusCode).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        SurfaceErrorMetadata.Populate(builder, typeof(string), "text/plain");
}
