using MediaVault.Core.Processing;

namespace MediaVault.Server.Jobs;

/// <summary>The renditions made while the metadata was being extracted, and which generators made them.</summary>
internal sealed record EarlyRenditions(IReadOnlyList<IRenditionGenerator> Generators, IReadOnlyList<RenditionFile> Files);
