using MediaVault.Core;

namespace MediaVault.Server.Application.Media;

/// <summary>A surface's rule checked inside the intake's transaction, just before it writes (e.g. the release is still editable).</summary>
public delegate Task<Outcome<Done>> CommitGuard(CancellationToken cancellationToken);
