using MediaVault.Core;

namespace MediaVault.Server.Application.Media;

/// <summary>
/// The files of one upload request, read one after the other straight from the connection (each part's body must be
/// consumed before the next is read). The wire format (multipart) is the adapter's business, not the service's.
/// </summary>
public interface IFileParts
{
    /// <summary>Hands each file to <paramref name="onFile"/> in order; stops at the first failure, which it returns, or at a malformed body.</summary>
    Task<Outcome<Done>> ForEachAsync(Func<FilePart, CancellationToken, Task<Outcome<Done>>> onFile, CancellationToken cancellationToken);
}
