namespace MediaVault.Core.Media;

/// <summary>Why an upload was refused. Nothing is stored for any of these.</summary>
public enum IngestError
{
    Empty,
    TooLarge,
    UnknownContent,
    KindNotAllowed,
}
