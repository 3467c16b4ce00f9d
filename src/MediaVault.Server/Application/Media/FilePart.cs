namespace MediaVault.Server.Application.Media;

/// <summary>One file of an upload request: its form field, its client-supplied name and type, and its bytes as they arrive.</summary>
public sealed record FilePart(string FieldName, string? FileName, string? ContentType, Stream Body);
