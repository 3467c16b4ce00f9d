namespace MediaVault.Core.Uploads;

/// <summary>What one chunk did: bytes durably written, whether the body was longer than allowed, whether it broke off.</summary>
public sealed record TusAppendResult(long Written, bool TooLong, bool Interrupted);
