namespace MediaVault.Core.Media;

/// <summary>Lifecycle: <c>Pending</c> (created, bytes not there) → <c>Uploaded</c> → <c>Processing</c> → <c>Ready</c> | <c>Failed</c>.</summary>
public enum MediaState
{
    Pending,
    Uploaded,
    Processing,
    Ready,
    Failed,
}
