namespace MediaVault.Server.OpenApi;

/// <summary>
/// Endpoint metadata for what the framework cannot infer from handlers that read their own bodies and return
/// <c>IResult</c>: the surface, the bodies read by hand, extra statuses and headers. <see cref="SurfaceOperationTransformer"/>
/// turns it into the document.
/// </summary>
public static class OpenApiEndpointExtensions
{
    /// <summary>Marks every endpoint of a group as part of <paramref name="surface"/> (error shape, credentials, headers).</summary>
    public static TBuilder WithSurface<TBuilder>(this TBuilder builder, ApiSurface surface)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiSurfaceMetadata(surface));

    /// <summary>Error statuses beyond the surface's usual ones, each documented with the surface's error body.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ErrorResponsesMetadata(statusCodes));

    /// <summary>A <c>multipart/form-data</c> body whose <paramref name="fields"/> are files.</summary>
    public static RouteHandlerBuilder AcceptsFiles(this RouteHandlerBuilder builder, bool repeated, params string[] fields) =>
        builder.WithMetadata(new RequestBodyMetadata("multipart/form-data", fields, repeated));

    /// <summary>A raw byte body of <paramref name="contentType"/>.</summary>
    public static RouteHandlerBuilder AcceptsBytes(this RouteHandlerBuilder builder, string contentType, bool required = true) =>
        builder.WithMetadata(new RequestBodyMetadata(contentType, [], false, required));

    public static TBuilder WithHeader<TBuilder>(this TBuilder builder, string name, bool required, string description, bool integer = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ParameterMetadata(name, InHeader: true, required, description, integer));

    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder builder, string name, string description, bool integer = false) =>
        builder.WithMetadata(new ParameterMetadata(name, InHeader: false, Required: false, description, integer));

    /// <summary>The <c>Tus-Resumable: 1.0.0</c> request header every tus request but OPTIONS carries.</summary>
    public static RouteHandlerBuilder WithTusResumable(this RouteHandlerBuilder builder) =>
        builder.WithHeader("Tus-Resumable", required: true, "The protocol version: 1.0.0 (412 otherwise)");

    /// <summary>A response that is not a JSON body: bytes, plain text, or headers only.</summary>
    public static RouteHandlerBuilder ProducesRaw(this RouteHandlerBuilder builder, int statusCode, string? contentType, string description, params string[] headers) =>
        builder.WithMetadata(new RawResponseMetadata(statusCode, contentType, description, headers));
}

/// <summary>Extra error statuses of one endpoint.</summary>
public sealed record ErrorResponsesMetadata(IReadOnlyList<int> StatusCodes);
