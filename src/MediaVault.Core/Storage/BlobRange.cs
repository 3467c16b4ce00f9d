namespace MediaVault.Core.Storage;

/// <summary>An inclusive byte range; <see cref="To"/> null means to the end.</summary>
public readonly record struct BlobRange(long From, long? To);
