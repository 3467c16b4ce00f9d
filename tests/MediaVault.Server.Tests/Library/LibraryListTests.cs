using System.Net;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Library;

[Collection(ServerCollection.Name)]
public sealed class LibraryListTests(ServerFixture server)
{
    [Fact]
    public async Task Search_finds_name_alt_text_description_and_tags_ignoring_case_and_accents()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        var guitar = await client.CreatePendingAsync("Mangoré.ogg", "audio/ogg", 5000, 61.5);
        var cafe = await client.CreatePendingAsync("photo.jpg");
        var bird = await client.CreatePendingAsync("bird.jpg");
        var alt = await client.CreatePendingAsync("plain.jpg");
        var percent = await client.CreatePendingAsync("100%_done.jpg");
        await client.UpdateMediaAsync(cafe, """{"description":"Café CRÈME on the terrace"}""");
        await client.UpdateMediaAsync(bird, """{"tags":["Ñandú"]}""");
        await client.UpdateMediaAsync(alt, """{"altText":"Jalapeño peppers"}""");

        Assert.Equal([guitar], (await client.ListIdsAsync("q=mangore")).Ids);
        Assert.Equal([guitar], (await client.ListIdsAsync("q=MANGORÉ")).Ids);
        Assert.Equal([cafe], (await client.ListIdsAsync("q=cafe%20creme")).Ids);
        Assert.Equal([bird], (await client.ListIdsAsync("q=nandu")).Ids);
        Assert.Equal([alt], (await client.ListIdsAsync("q=JALAPENO")).Ids);
        Assert.Equal([percent], (await client.ListIdsAsync("q=" + Uri.EscapeDataString("0%_"))).Ids);
        Assert.Equal([percent], (await client.ListIdsAsync("q=" + Uri.EscapeDataString("%"))).Ids);
        Assert.Empty((await client.ListIdsAsync("q=nothing-like-this")).Ids);
    }

    [Fact]
    public async Task Every_tag_given_must_be_on_the_media()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        var both = await client.CreatePendingAsync("both.jpg");
        var red = await client.CreatePendingAsync("red.jpg");
        var blue = await client.CreatePendingAsync("blue.jpg");
        await client.UpdateMediaAsync(both, """{"tags":["Red","Blue"]}""");
        await client.UpdateMediaAsync(red, """{"tags":["red"]}""");
        await client.UpdateMediaAsync(blue, """{"tags":["blue","green"]}""");

        Assert.Equal([both], (await client.ListIdsAsync("tag=red&tag=BLUE")).Ids);
        Assert.Equal([red, both], (await client.ListIdsAsync("tag=red")).Ids);
        Assert.Equal([blue], (await client.ListIdsAsync("tag=blue&q=green")).Ids);
        Assert.Empty((await client.ListIdsAsync("tag=red&tag=green")).Ids);
    }

    [Theory]
    [InlineData("createdAt", new[] { 0, 1, 2, 3, 4 })]
    [InlineData("-createdAt", new[] { 4, 3, 2, 1, 0 })]
    [InlineData("name", new[] { 3, 1, 4, 0, 2 })]
    [InlineData("-name", new[] { 2, 0, 4, 1, 3 })]
    [InlineData("size", new[] { 2, 4, 0, 3, 1 })]
    [InlineData("-size", new[] { 1, 3, 0, 4, 2 })]
    [InlineData("duration", new[] { 4, 1, 3, 2, 0 })]
    [InlineData("-duration", new[] { 0, 2, 3, 1, 4 })]
    public async Task Each_sort_pages_by_keyset_across_pages(string sort, int[] expected)
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        string[] ids =
        [
            await client.CreatePendingAsync("Delta.mp3", "audio/mpeg", 3000, 300),
            await client.CreatePendingAsync("Bravo.mp3", "audio/mpeg", 9000, 20.25),
            await client.CreatePendingAsync("echo.mp3", "audio/mpeg", 1000, 200),
            await client.CreatePendingAsync("alpha.mp3", "audio/mpeg", 5000, 100.5),
            await client.CreatePendingAsync("Çharlie.jpg", "image/jpeg", 2000),
        ];
        var archived = await client.CreatePendingAsync("archived.mp3", "audio/mpeg", 4000, 50);
        await client.UpdateMediaAsync(archived, """{"archived":true}""");

        var paged = await client.ListAllIdsAsync($"sort={sort}", limit: 2);
        var numbered = (await client.ListIdsAsync($"sort={sort}&page=2&limit=2")).Ids;

        Assert.Equal(expected.Select(i => ids[i]), paged);
        Assert.Equal(expected.Skip(2).Take(2).Select(i => ids[i]), numbered);
    }

    [Fact]
    public async Task A_cursor_only_continues_the_sort_it_came_from_and_an_unknown_sort_is_400()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        await client.CreatePendingAsync("a.jpg");
        await client.CreatePendingAsync("b.jpg");
        var (_, next) = await client.ListIdsAsync("sort=name&limit=1");

        using var sameSort = await client.GetAsync($"/v2/media?sort=name&limit=1&cursor={next}");
        using var otherSort = await client.GetAsync($"/v2/media?sort=-size&limit=1&cursor={next}");
        using var defaultSort = await client.GetAsync($"/v2/media?limit=1&cursor={next}");
        using var unknown = await client.GetAsync("/v2/media?sort=colour");
        using var longQuery = await client.GetAsync("/v2/media?q=" + new string('q', 201));

        Assert.Equal(HttpStatusCode.OK, sameSort.StatusCode);
        Assert.Equal("validation_error", await otherSort.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("validation_error", await defaultSort.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("validation_error", await unknown.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
        Assert.Contains("sort", (await unknown.ReadJsonAsync()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("validation_error", await longQuery.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
    }
}
