using System.Net;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Library;

[Collection(ServerCollection.Name)]
public sealed class LibraryDetailsTests(ServerFixture server)
{
    [Fact]
    public async Task Patch_with_a_body_updates_details_with_merge_semantics_and_answers_get_a_media()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        var id = await client.CreatePendingAsync("photo.jpg");
        var before = await (await client.GetAsync($"/v2/media/{id}")).ReadJsonAsync();
        Assert.Empty(before.GetProperty("tags").EnumerateArray());
        Assert.False(before.TryGetProperty("altText", out _));
        Assert.False(before.TryGetProperty("description", out _));

        var updated = await client.UpdateMediaAsync(id, """{"altText":"A red guitar","description":"Shot on stage","tags":["Guitar"," guitar ","Live"]}""");
        var renamed = await client.UpdateMediaAsync(id, """{"name":"stage.jpg"}""");
        var cleared = await client.UpdateMediaAsync(id, """{"altText":"","tags":null}""");
        var read = await (await client.GetAsync($"/v2/media/{id}")).ReadJsonAsync();

        Assert.Equal("A red guitar", updated.GetProperty("altText").GetString());
        Assert.Equal("Shot on stage", updated.GetProperty("description").GetString());
        Assert.Equal(["Guitar", "Live"], updated.GetProperty("tags").Strings());
        Assert.Equal("photo.jpg", updated.GetProperty("name").GetString());
        Assert.Equal("stage.jpg", renamed.GetProperty("name").GetString());
        Assert.Equal("A red guitar", renamed.GetProperty("altText").GetString());
        Assert.Equal(["Guitar", "Live"], renamed.GetProperty("tags").Strings());
        Assert.False(cleared.TryGetProperty("altText", out _));
        Assert.Equal("Shot on stage", cleared.GetProperty("description").GetString());
        Assert.Equal(["Guitar", "Live"], cleared.GetProperty("tags").Strings());
        Assert.Equal(cleared.GetRawText(), read.GetRawText());
    }

    [Fact]
    public async Task Patch_without_a_body_is_still_the_confirm_and_with_one_is_the_update()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        var id = await client.CreatePendingAsync("photo.jpg");

        using var confirm = await client.PatchAsync($"/v2/media/{id}", null);
        using var update = await client.PatchJsonAsync($"/v2/media/{id}", """{"description":"x"}""");

        Assert.Equal("not_uploaded", await confirm.AssertLibraryErrorAsync(HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
    }

    [Theory]
    [InlineData("altText", 1001)]
    [InlineData("description", 5001)]
    [InlineData("name", 256)]
    public async Task A_text_over_its_limit_is_400_naming_the_field(string field, int length)
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        var id = await client.CreatePendingAsync("photo.jpg");
        var atLimit = JsonSerializer.Serialize(new Dictionary<string, string> { [field] = new string('a', length - 1) });
        var overLimit = JsonSerializer.Serialize(new Dictionary<string, string> { [field] = new string('a', length) });

        using var ok = await client.PatchJsonAsync($"/v2/media/{id}", atLimit);
        using var tooLong = await client.PatchJsonAsync($"/v2/media/{id}", overLimit);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("validation_error", await tooLong.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
        Assert.Contains(field, (await tooLong.ReadJsonAsync()).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(51, 10, false)]
    [InlineData(50, 10, true)]
    [InlineData(1, 65, false)]
    [InlineData(1, 64, true)]
    [InlineData(1, 0, false)]
    public async Task Tags_are_at_most_50_of_1_to_64_characters(int count, int length, bool accepted)
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        var id = await client.CreatePendingAsync("photo.jpg");
        var tags = Enumerable.Range(0, count).Select(i => length == 0 ? "  " : i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture).PadRight(length, 't'));

        using var response = await client.PatchJsonAsync($"/v2/media/{id}", JsonSerializer.Serialize(new { tags }));

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(count, (await response.ReadJsonAsync()).GetProperty("tags").GetArrayLength());
        }
        else
        {
            Assert.Equal("validation_error", await response.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
            Assert.Contains("tags", (await response.ReadJsonAsync()).GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Empty((await (await client.GetAsync($"/v2/media/{id}")).ReadJsonAsync()).GetProperty("tags").EnumerateArray());
        }
    }

    [Fact]
    public async Task A_tag_keeps_the_spelling_first_written_and_the_tag_list_counts_media()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        var first = await client.CreatePendingAsync("a.jpg");
        var second = await client.CreatePendingAsync("b.jpg");
        var third = await client.CreatePendingAsync("c.jpg");

        await client.UpdateMediaAsync(first, """{"tags":["Guitar","Live"]}""");
        var later = await client.UpdateMediaAsync(second, """{"tags":["GUITAR","studio"]}""");
        await client.UpdateMediaAsync(third, """{"tags":["guitar"],"archived":true}""");
        using var response = await client.GetAsync("/v2/media/tags");

        Assert.Equal(["Guitar", "studio"], later.GetProperty("tags").Strings());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tags = (await response.ReadJsonAsync()).GetProperty("data").EnumerateArray()
            .Select(t => (t.GetProperty("tag").GetString(), t.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([("Guitar", 3), ("Live", 1), ("studio", 1)], tags);
    }

    [Fact]
    public async Task Another_workspaces_media_or_a_missing_permission_cannot_be_updated()
    {
        var (owner, _) = await server.CreateApiKeyClientAsync();
        var (stranger, _) = await server.CreateApiKeyClientAsync();
        var (reader, _) = await server.CreateApiKeyClientAsync("media:read");
        using var ownOwner = owner;
        using var __ = stranger;
        using var ___ = reader;
        var id = await owner.CreatePendingAsync("photo.jpg");

        using var foreign = await stranger.PatchJsonAsync($"/v2/media/{id}", """{"altText":"mine"}""");
        using var forbidden = await reader.PatchJsonAsync($"/v2/media/{id}", """{"altText":"mine"}""");
        using var unknown = await owner.PatchJsonAsync("/v2/media/doesnotexist", """{"altText":"mine"}""");

        Assert.Equal("not_found", await foreign.AssertLibraryErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("forbidden", await forbidden.AssertLibraryErrorAsync(HttpStatusCode.Forbidden));
        Assert.Equal("not_found", await unknown.AssertLibraryErrorAsync(HttpStatusCode.NotFound));
        Assert.False((await (await owner.GetAsync($"/v2/media/{id}")).ReadJsonAsync()).TryGetProperty("altText", out _));
    }
}
