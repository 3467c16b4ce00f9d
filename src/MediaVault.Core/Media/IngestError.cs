namespace MediaVault.Core.Media;

/// <summary>Why an upload was refused. Nothing is stored for any of these.</summary>
public enum IngestError
{
    Empty,
    TooLarge,
    UnknownContent,
    KindNotAllowed,

    /// <summary>The storage is full; what was staged is removed and a retry may succeed once space returns.</summary>
    StorageFull,
}
