using MediaVault.Core.Processing;

namespace MediaVault.Server.Jobs;

/// <summary>The generators started before the metadata was extracted, and their runs (each awaited for its files or its failure).</summary>
internal sealed record EarlyRenditions(IReadOnlyList<IRenditionGenerator> Generators, IReadOnlyList<Task<IReadOnlyList<RenditionFile>>> Runs)
{
    public static readonly EarlyRenditions None = new([], []);

    /// <summary>Starts each generator on a thread of its own.</summary>
    public static EarlyRenditions Start(IEnumerable<IRenditionGenerator> generators, RenditionSource source, string workDirectory, CancellationToken cancellationToken)
    {
        var started = generators.ToList();
        return new(started, started.Select(g => Task.Run(() => g.GenerateAsync(source, workDirectory, cancellationToken), cancellationToken)).ToList());
    }

    /// <summary>Cancels the runs (their tools are killed) and waits until every one has ended, whatever its outcome.</summary>
    public async Task StopAsync(CancellationTokenSource stop)
    {
        await stop.CancelAsync();
        await ((Task)Task.WhenAll(Runs)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
