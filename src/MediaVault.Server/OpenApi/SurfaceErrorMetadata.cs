namespace MediaVault.Server.OpenApi;

/// <summary>
/// What a surface's error result tells the framework about itself in a <c>Results&lt;…&gt;</c> union: its body, for the
/// statuses every operation of every surface can answer (403 for a missing permission or a bad signature, 404). The
/// other statuses depend on the endpoint (credentials, body limits, conflicts) and come from
/// <see cref="OpenApiEndpointExtensions.ProducesErrors{TBuilder}"/> and <see cref="SurfaceOperationTransformer"/>, with
/// this same body.
/// </summary>
public static class SurfaceErrorMetadata
{
    public static readonly IReadOnlyList<int> CommonStatuses = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound];

    public static void Populate(EndpointBuilder builder, Type? body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in CommonStatuses)
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, body ?? typeof(string), [contentType]));
        }
    }
}
