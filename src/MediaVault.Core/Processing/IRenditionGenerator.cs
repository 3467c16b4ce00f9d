namespace MediaVault.Core.Processing;

/// <summary>Makes derived files (thumbnails, poster frames, waveforms…) for one family of formats.</summary>
public interface IRenditionGenerator
{
    /// <summary>Whether this generator makes anything for <paramref name="mimeType"/>.</summary>
    bool CanHandle(string mimeType);

    /// <summary>
    /// Whether <see cref="GenerateAsync"/> reads <see cref="RenditionSource.Metadata"/>. False lets the processing job
    /// run it while the metadata is still being extracted (it is then given an empty object).
    /// </summary>
    bool UsesMetadata => true;

    /// <summary>
    /// Writes renditions of <paramref name="source"/> into <paramref name="workDirectory"/> (a private, empty folder that
    /// the caller deletes afterwards) and describes them. Returns an empty list when there is nothing to make.
    /// </summary>
    /// <exception cref="MediaUnreadableException">The content cannot be decoded.</exception>
    Task<IReadOnlyList<RenditionFile>> GenerateAsync(RenditionSource source, string workDirectory, CancellationToken cancellationToken);
}
