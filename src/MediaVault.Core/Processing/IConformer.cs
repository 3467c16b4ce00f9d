namespace MediaVault.Core.Processing;

/// <summary>Makes a conformed rendition (<see cref="ConformTarget"/>) of a stored original, in a <see cref="JobKinds.ConformMedia"/> job.</summary>
public interface IConformer
{
    bool CanHandle(string mimeType);

    /// <exception cref="MediaUnreadableException">The original cannot be converted.</exception>
    Task<RenditionFile> ConformAsync(RenditionSource source, ConformTarget target, string workDirectory, CancellationToken cancellationToken);
}
