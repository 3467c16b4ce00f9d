using System.Net;
using MediaVault.Server.Cli;
using MediaVault.Server.Hosting;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Releases.Readiness;

[Collection(ServerCollection.Name)]
public sealed class ReleaseSubmitGateTests(ServerFixture server)
{
    [Fact]
    public async Task Submit_is_400_with_the_problems_while_the_required_profile_finds_errors()
    {
        var files = await ReadinessMedia.GetAsync();
        using var client = server.CreateTenantClient(out var tenant, "admin");
        var release = await client.CreateReleaseAsync();
        var track = await PreparedRelease.AddTrackAsync(client, release, "Bounce");
        var mediaId = await PreparedRelease.UploadTrackFileAsync(client, release, track, files.Mp3);
        Assert.Contains("spotify", await SetRequiredProfileAsync(tenant, "spotify"));
        await PreparedRelease.WaitAnalysedAsync(client, release, "spotify");

        using var refused = await client.PostAsync($"/releases/{release}/submit", null);

        Assert.Equal("Release is not ready for delivery", await refused.AssertErrorAsync(HttpStatusCode.BadRequest));
        var problems = (await refused.ReadJsonAsync()).GetProperty("problems").EnumerateArray().ToList();
        var container = Assert.Single(problems, p => p.GetProperty("rule").GetString() == "audio_container");
        Assert.Equal(mediaId, container.GetProperty("mediaId").GetString());
        Assert.Equal("mp3", container.GetProperty("measured").GetString());
        using (var get = await client.GetAsync($"/releases/{release}"))
        {
            Assert.Equal("draft", (await get.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());
        }

        // Without a required profile the same release goes through.
        Assert.Contains("no required profile", await SetRequiredProfileAsync(tenant, "--none"));
        using var submitted = await client.PostAsync($"/releases/{release}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
    }

    [Fact]
    public async Task Submit_passes_when_the_required_profile_finds_no_error()
    {
        var files = await ReadinessMedia.GetAsync();
        using var client = server.CreateTenantClient(out var tenant, "admin");
        var release = await client.CreateReleaseAsync();
        var track = await PreparedRelease.AddTrackAsync(client, release, "Song");
        await PreparedRelease.UploadTrackFileAsync(client, release, track, files.TrimmedFlac);
        await SetRequiredProfileAsync(tenant, "spotify");
        await PreparedRelease.WaitAnalysedAsync(client, release, "spotify");

        using var submitted = await client.PostAsync($"/releases/{release}/submit", null);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("submitted", (await submitted.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cli_refuses_a_profile_that_is_not_a_release_profile()
    {
        using var client = server.CreateTenantClient(out var tenant, "admin");
        await client.CreateReleaseAsync();

        var exit = await CliApp.RunAsync(["tenants", "required-profile", tenant, "no-such-store", $"--DataPath={server.DataPath}", .. TestBackends.Arguments(server.DataPath)], TextWriter.Null);

        Assert.Equal(2, exit);
    }

    private async Task<string> SetRequiredProfileAsync(string tenant, string argument)
    {
        await server.Services.GetRequiredService<TenantResolver>().ResolveAsync(tenant, CancellationToken.None);
        using var output = new StringWriter();
        var exit = await CliApp.RunAsync(["tenants", "required-profile", tenant, argument, $"--DataPath={server.DataPath}", .. TestBackends.Arguments(server.DataPath)], output);
        Assert.Equal(0, exit);
        return output.ToString();
    }
}
