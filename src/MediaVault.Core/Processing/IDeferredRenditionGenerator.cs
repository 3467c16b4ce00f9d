namespace MediaVault.Core.Processing;

/// <summary>
/// Makes the larger, costlier renditions of a media after it is ready (a <see cref="JobKinds.RenderPreviews"/> job),
/// so that processing a burst of uploads yields every media's small thumbnail first. Same contract as
/// <see cref="IRenditionGenerator"/>.
/// </summary>
public interface IDeferredRenditionGenerator
{
    bool CanHandle(string mimeType);

    /// <exception cref="MediaUnreadableException">The content cannot be decoded.</exception>
    Task<IReadOnlyList<RenditionFile>> GenerateAsync(RenditionSource source, string workDirectory, CancellationToken cancellationToken);
}
