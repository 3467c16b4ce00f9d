using System.Globalization;
using System.Net;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace MediaVault.Server.Tests.Delivery;

/// <summary>
/// The lifetimes configured in appsettings.json, read off real signed URLs: at least the lifetime, at most one
/// expiry window (5 minutes) longer.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class UrlLifetimeTests(ServerFixture server)
{
    [Fact]
    public async Task Staged_media_urls_expire_in_one_hour_and_permanent_ones_in_twenty_four_hours()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var uploaded = await client.UploadAsync(releaseId, "image.jpg");
        var staged = ExpiresIn(uploaded.GetProperty("data")[0].GetProperty("cloudUrl").GetString()!);
        Assert.InRange(staged, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(66));

        await client.WaitProcessedAsync(releaseId);
        await client.ApproveAndCompleteAsync(releaseId);
        var listed = await client.ListMediaAsync(releaseId);
        var item = listed[0];
        Assert.Equal("permanent", item.GetProperty("metadata").GetProperty("storage").GetString());
        var permanent = ExpiresIn(item.GetProperty("cloudUrl").GetString()!);
        Assert.InRange(permanent, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));

        using var download = await client.GetAsync(item.GetProperty("cloudUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    private static TimeSpan ExpiresIn(string url)
    {
        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(query["exp"].ToString(), CultureInfo.InvariantCulture));
        return expires - DateTimeOffset.UtcNow;
    }
}
