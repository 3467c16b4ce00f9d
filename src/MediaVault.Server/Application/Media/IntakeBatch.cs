using MediaVault.Core;
using MediaVault.Core.Media;

namespace MediaVault.Server.Application.Media;

/// <summary>
/// The files of one request, all or nothing: each is streamed, sniffed and stored as it arrives, then
/// <see cref="CommitAsync"/> writes every row in one transaction. Disposing an uncommitted batch removes what it stored.
/// </summary>
public sealed class IntakeBatch(MediaIntake intake, IntakePolicy policy) : IAsyncDisposable
{
    private readonly List<MediaItem> _stored = [];
    private bool _committed;

    public int Count => _stored.Count;

    /// <summary>Streams one file into storage under the batch's policy; a refusal keeps nothing of it.</summary>
    public async Task<Outcome<Done>> AddAsync(Stream content, string? fileName, CancellationToken cancellationToken)
    {
        var stored = await intake.StoreStreamAsync(policy, content, fileName, cancellationToken);
        if (stored.Failed)
        {
            return stored.Failure;
        }

        _stored.Add(stored.Value);
        return Done.Value;
    }

    /// <summary>Persists every stored file (attached to <paramref name="owner"/> when given) if <paramref name="guard"/> allows.</summary>
    public async Task<Outcome<IReadOnlyList<MediaItem>>> CommitAsync(MediaOwner? owner, CommitGuard? guard, CancellationToken cancellationToken)
    {
        var committed = await intake.CommitAsync(_stored, owner, guard, cancellationToken);
        _committed = committed.Succeeded;
        return committed;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await intake.DiscardAsync(_stored);
        }
    }
}
