namespace MediaVault.Core.Processing;

/// <summary>Makes a conformed rendition (<see cref="ReleaseConformTarget"/>) of a stored original, in a <see cref="JobKinds.ConformReleaseMedia"/> job.</summary>
public interface IReleaseConformer
{
    bool CanHandle(string mimeType);

    /// <exception cref="MediaUnreadableException">The original cannot be converted.</exception>
    Task<RenditionFile> ConformAsync(RenditionSource source, ReleaseConformTarget target, string workDirectory, CancellationToken cancellationToken);
}
