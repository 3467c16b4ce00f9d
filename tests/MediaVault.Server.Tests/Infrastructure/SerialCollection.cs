namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Tests that measure the process (memory) and must not share it with other running tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
