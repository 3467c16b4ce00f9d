using MediaVault.Core.Processing;

namespace MediaVault.Server.Jobs;

/// <summary>The generators run while the metadata was being extracted, and their finished runs (each awaited for its files or its failure).</summary>
internal sealed record EarlyRenditions(IReadOnlyList<IRenditionGenerator> Generators, IReadOnlyList<Task<IReadOnlyList<RenditionFile>>> Runs);
