using MediaVault.Data;
using Npgsql;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>PostgreSQL statements are auto-prepared unless the connection string says otherwise, including "off".</summary>
public sealed class AutoPrepareTests
{
    [Fact]
    public void A_connection_string_without_the_setting_gets_the_default()
    {
        var result = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithAutoPrepare("Host=db;Database=mv"));

        Assert.Equal(DataServiceCollectionExtensions.MaxAutoPrepare, result.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=0", 0)]
    [InlineData("Host=db;max auto prepare=10", 10)]
    public void An_explicit_setting_is_kept_even_when_it_turns_preparing_off(string connectionString, int expected)
    {
        var result = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithAutoPrepare(connectionString));

        Assert.Equal(expected, result.MaxAutoPrepare);
    }
}
