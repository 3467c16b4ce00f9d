namespace MediaVault.Server.OpenApi;

/// <summary>A body the handler reads itself (multipart or raw bytes), so the framework cannot see it.</summary>
/// <param name="ContentType">The documented media type.</param>
/// <param name="FileFields">Multipart only: the file fields, each a binary part.</param>
/// <param name="Repeated">Multipart only: whether each field may be repeated.</param>
public sealed record RequestBodyMetadata(string ContentType, IReadOnlyList<string> FileFields, bool Repeated, bool Required = true);

/// <summary>A header or query parameter a handler reads itself.</summary>
public sealed record ParameterMetadata(string Name, bool InHeader, bool Required, string Description, bool Integer = false);

/// <summary>A response whose body is not JSON (bytes, plain text) or that only carries headers.</summary>
public sealed record RawResponseMetadata(int StatusCode, string? ContentType, string Description, IReadOnlyList<string> Headers);
