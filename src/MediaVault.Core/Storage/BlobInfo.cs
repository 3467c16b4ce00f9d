namespace MediaVault.Core.Storage;

/// <summary>What the store knows of one object. <see cref="Size"/> is in bytes.</summary>
public sealed record BlobInfo(BlobKey Key, long Size, DateTime LastModified);
