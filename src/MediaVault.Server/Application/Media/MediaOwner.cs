namespace MediaVault.Server.Application.Media;

/// <summary>What a new media is attached to: a usage row of <paramref name="Kind"/> (<see cref="Core.Media.UsageOwners"/>).</summary>
public sealed record MediaOwner(string Kind, Guid Id, Guid? ParentId = null);
