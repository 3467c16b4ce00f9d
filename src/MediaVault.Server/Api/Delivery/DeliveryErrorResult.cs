using System.Reflection;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.Metadata;

namespace MediaVault.Server.Api.Delivery;

/// <summary>A delivery error answer, <c>{"status": "error", "message"}</c>; in a <c>Results&lt;…&gt;</c> union it documents that body.</summary>
public sealed class DeliveryErrorResult(int statusCode, DeliveryError value) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<DeliveryError>, IEndpointMetadataProvider
{
    public int StatusCode => statusCode;

    public DeliveryError Value => value;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    object? IValueHttpResult.Value => value;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Json(value, statusCode: statusCode).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        SurfaceErrorMetadata.Populate(builder, typeof(DeliveryError), "application/json");
}
