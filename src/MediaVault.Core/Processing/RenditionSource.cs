using System.Text.Json.Nodes;

namespace MediaVault.Core.Processing;

/// <summary>A stored original as a local file, with its MIME type and the metadata already extracted from it.</summary>
public sealed record RenditionSource(string Path, string MimeType, JsonObject Metadata);
