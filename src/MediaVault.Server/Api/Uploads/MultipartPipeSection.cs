namespace MediaVault.Server.Api.Uploads;

/// <summary>One part of a multipart body: its <c>Content-Disposition</c> and <c>Content-Type</c> headers (repeated headers joined with commas) and its body.</summary>
public sealed record MultipartPipeSection(string? ContentDisposition, string? ContentType, MultipartPartStream Body);
