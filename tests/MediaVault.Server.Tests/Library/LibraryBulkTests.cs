using System.Net;
using System.Text;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Library;

[Collection(ServerCollection.Name)]
public sealed class LibraryBulkTests(ServerFixture server)
{
    [Fact]
    public async Task Each_id_succeeds_or_fails_on_its_own_and_another_workspaces_id_is_not_found()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        var (stranger, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        using var __ = stranger;
        var first = await client.CreatePendingAsync("a.jpg");
        var second = await client.CreatePendingAsync("b.jpg");
        var foreign = await stranger.CreatePendingAsync("theirs.jpg");
        string[] ids = [first, second, "doesnotexist", foreign];
        var idsJson = JsonSerializer.Serialize(ids);

        var archive = await client.BulkAsync($$"""{"action":"archive","ids":{{idsJson}}}""");
        var archivedList = (await client.ListIdsAsync("status=ARCHIVED")).Ids;
        var tag = await client.BulkAsync($$"""{"action":"tag","ids":{{idsJson}},"tags":["Summer","live"]}""");
        var untag = await client.BulkAsync($$"""{"action":"untag","ids":["{{second}}"],"tags":["SUMMER"]}""");
        var unarchive = await client.BulkAsync($$"""{"action":"unarchive","ids":{{idsJson}}}""");
        var firstRead = await (await client.GetAsync($"/v2/media/{first}")).ReadJsonAsync();
        var secondRead = await (await client.GetAsync($"/v2/media/{second}")).ReadJsonAsync();
        var foreignRead = await (await stranger.GetAsync($"/v2/media/{foreign}")).ReadJsonAsync();
        var delete = await client.BulkAsync($$"""{"action":"delete","ids":{{idsJson}}}""");
        using var gone = await client.GetAsync($"/v2/media/{first}");

        foreach (var result in new[] { archive, tag, unarchive, delete })
        {
            Assert.Equal([first, second], result.GetProperty("succeeded").Strings());
            var failed = result.GetProperty("failed").EnumerateArray().ToList();
            Assert.Equal(["doesnotexist", foreign], failed.Select(f => f.GetProperty("id").GetString()));
            Assert.All(failed, f => Assert.Equal("not_found", f.GetProperty("error").GetString()));
            Assert.All(failed, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("message").GetString())));
        }

        Assert.Equal([second, first], archivedList);
        Assert.Equal([second], untag.GetProperty("succeeded").Strings());
        Assert.Equal(["Summer", "live"], firstRead.GetProperty("tags").Strings());
        Assert.Equal(["live"], secondRead.GetProperty("tags").Strings());
        Assert.Equal("PROCESSING", firstRead.GetProperty("status").GetString());
        Assert.Equal("PROCESSING", foreignRead.GetProperty("status").GetString());
        Assert.Empty(foreignRead.GetProperty("tags").EnumerateArray());
        Assert.Equal("not_found", await gone.AssertLibraryErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync($"/v2/media/{foreign}")).StatusCode);
    }

    [Fact]
    public async Task A_media_that_would_pass_50_tags_fails_alone()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        var full = await client.CreatePendingAsync("full.jpg");
        var empty = await client.CreatePendingAsync("empty.jpg");
        await client.UpdateMediaAsync(full, JsonSerializer.Serialize(new { tags = Enumerable.Range(0, 50).Select(i => $"t{i}") }));

        var result = await client.BulkAsync($$"""{"action":"tag","ids":["{{full}}","{{empty}}"],"tags":["new","T1"]}""");

        Assert.Equal([empty], result.GetProperty("succeeded").Strings());
        var failure = Assert.Single(result.GetProperty("failed").EnumerateArray());
        Assert.Equal(full, failure.GetProperty("id").GetString());
        Assert.Equal("validation_error", failure.GetProperty("error").GetString());
        Assert.Equal(50, (await (await client.GetAsync($"/v2/media/{full}")).ReadJsonAsync()).GetProperty("tags").GetArrayLength());
    }

    [Theory]
    [InlineData("media:write", "archive", true)]
    [InlineData("media:write", "tag", true)]
    [InlineData("media:write", "delete", false)]
    [InlineData("media:delete", "delete", true)]
    [InlineData("media:delete", "unarchive", false)]
    [InlineData("media:read", "untag", false)]
    public async Task Each_action_needs_the_permission_one_media_would(string permission, string action, bool allowed)
    {
        var (owner, tenant) = await server.CreateApiKeyClientAsync();
        using var ownOwner = owner;
        using var limited = server.CreateClientFor(tenant, permission);
        var id = await owner.CreatePendingAsync("a.jpg");
        var tags = action is "tag" or "untag" ? ""","tags":["x"]""" : "";

        using var response = await limited.PostAsync("/v2/media/bulk", new StringContent($$"""{"action":"{{action}}","ids":["{{id}}"]{{tags}}}""", Encoding.UTF8, "application/json"));

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([id], (await response.ReadJsonAsync()).GetProperty("data").GetProperty("succeeded").Strings());
        }
        else
        {
            Assert.Equal("forbidden", await response.AssertLibraryErrorAsync(HttpStatusCode.Forbidden));
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/v2/media/{id}")).StatusCode);
        }
    }

    [Theory]
    [InlineData("""{"action":"archive","ids":[]}""")]
    [InlineData("""{"action":"burn","ids":["x"]}""")]
    [InlineData("""{"ids":["x"]}""")]
    [InlineData("""{"action":"tag","ids":["x"]}""")]
    [InlineData("""{"action":"tag","ids":["x"],"tags":["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]}""")]
    [InlineData("""{"action":"archive","ids":["x"],"tags":["a"]}""")]
    public async Task A_bad_body_is_400_and_nothing_is_done(string body)
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;

        using var response = await client.PostAsync("/v2/media/bulk", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal("validation_error", await response.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task At_most_500_ids()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        var id = await client.CreatePendingAsync("a.jpg");
        var five01 = JsonSerializer.Serialize(Enumerable.Range(0, 500).Select(i => $"m{i}").Append(id));
        var five00 = JsonSerializer.Serialize(Enumerable.Range(0, 499).Select(i => $"m{i}").Append(id));

        using var tooMany = await client.PostAsync("/v2/media/bulk", new StringContent($$"""{"action":"archive","ids":{{five01}}}""", Encoding.UTF8, "application/json"));
        var atLimit = await client.BulkAsync($$"""{"action":"archive","ids":{{five00}}}""");

        Assert.Equal("validation_error", await tooMany.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
        Assert.Contains("ids", (await tooMany.ReadJsonAsync()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal([id], atLimit.GetProperty("succeeded").Strings());
        Assert.Equal(499, atLimit.GetProperty("failed").GetArrayLength());
    }
}
