namespace MediaVault.Server.Hosting.Cors;

/// <summary>What one family of routes lets a cross-origin page send and read, as ready header values.</summary>
public sealed record CorsRoute(string AllowedMethods, string AllowedHeaders, string ExposedHeaders)
{
    public static CorsRoute Of(string[] methods, string[] allowedHeaders, string[] exposedHeaders) =>
        new(string.Join(", ", methods), string.Join(", ", allowedHeaders), string.Join(", ", exposedHeaders));
}
