using System.Net;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Tests.Library;

/// <summary>
/// The library list's remembered answers (LibraryListCache): every write that changes what a list shows is in the
/// next list, whichever path or instance made it (the database's triggers move the tenant's counter); answers are
/// never shared between tenants, queries or hosts, and never outlive their signed URLs' expiry window. Each test
/// lists first, so the answer it checks afterwards would be the remembered one if the counter did not move.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class LibraryListCacheTests(ServerFixture server)
{
    [Fact]
    public async Task Every_kind_of_write_shows_in_the_next_list()
    {
        using var client = server.CreateTenantClient(out _);
        var pending = await client.CreatePendingAsync("first.jpg");
        var (first, tag) = await ListAsync(client, "limit=50");
        var (again, tagAgain) = await ListAsync(client, "limit=50");
        Assert.Equal(first, again);
        Assert.Equal(tag, tagAgain);

        // Upload and confirm: a new media, then processing finishing its thumbnail (a worker's writes).
        var created = await client.CreateLibraryMediaAsync("image.jpg", "image/jpeg");
        var id = created.GetProperty("id").GetString()!;
        using (var put = await client.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("image.jpg")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal(["PROCESSING"], Field(await ListAsync(client, "limit=50"), id, "status"));
        using (var confirm = await client.PatchAsync($"/v2/media/{id}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        var listed = await ListAsync(client, "limit=50");
        while (Field(listed, id, "preview") is not [string] && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            listed = await ListAsync(client, "limit=50");
        }

        Assert.Equal(["SUCCESS"], Field(listed, id, "status"));
        Assert.Matches("/files/" + id + @"\?r=", Assert.Single(Field(listed, id, "preview"))!);

        await client.UpdateMediaAsync(id, """{"name":"renamed.jpg"}""");
        Assert.Equal(["renamed.jpg"], Field(await ListAsync(client, "limit=50"), id, "name"));

        await client.UpdateMediaAsync(id, """{"tags":["Sunset"]}""");
        Assert.Contains("\"tags\":[\"Sunset\"]", Item(await ListAsync(client, "limit=50"), id), StringComparison.Ordinal);
        Assert.Equal([id], Ids(await ListAsync(client, "tag=sunset")));
        await client.UpdateMediaAsync(id, """{"tags":[]}""");
        Assert.Empty(Ids(await ListAsync(client, "tag=sunset")));

        Assert.DoesNotContain(pending, Ids(await ListAsync(client, "status=ARCHIVED&limit=50")));
        await client.UpdateMediaAsync(pending, """{"archived":true}""");
        Assert.DoesNotContain(pending, Ids(await ListAsync(client, "limit=50")));
        Assert.Equal([pending], Ids(await ListAsync(client, "status=ARCHIVED&limit=50")));

        using (var deleted = await client.DeleteAsync($"/v2/media/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        Assert.Empty(Ids(await ListAsync(client, "limit=50")));
    }

    [Fact]
    public async Task A_remembered_answer_has_the_headers_of_a_made_one()
    {
        using var client = server.CreateTenantClient(out _);
        await client.CreatePendingAsync("headers.jpg");
        using var made = await client.GetAsync("/v2/media?limit=3");
        using var remembered = await client.GetAsync("/v2/media?limit=3");

        Assert.Equal(await made.Content.ReadAsByteArrayAsync(), await remembered.Content.ReadAsByteArrayAsync());
        Assert.Equal(made.Headers.ETag, remembered.Headers.ETag);
        Assert.Equal(made.Headers.CacheControl, remembered.Headers.CacheControl);
        Assert.Equal(made.Headers.Vary, remembered.Headers.Vary);
        Assert.Equal(made.Content.Headers.ContentType, remembered.Content.Headers.ContentType);
        Assert.Equal("application/json; charset=utf-8", remembered.Content.Headers.ContentType!.ToString());

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/v2/media?limit=3");
        revalidate.Headers.IfNoneMatch.Add(remembered.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var gzip = new HttpRequestMessage(HttpMethod.Get, "/v2/media?limit=3");
        gzip.Headers.AcceptEncoding.Add(new("gzip"));
        using var raw = ApiReads.Raw(client);
        using var compressed = await raw.SendAsync(gzip);
        Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
        await using var unzip = new System.IO.Compression.GZipStream(await compressed.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await unzip.CopyToAsync(plain);
        Assert.Equal(await made.Content.ReadAsByteArrayAsync(), plain.ToArray());
    }

    [Fact]
    public async Task A_write_straight_to_the_database_shows_in_the_next_list()
    {
        using var client = server.CreateTenantClient(out _);
        var id = await client.CreatePendingAsync("before.jpg");
        Assert.Equal(["before.jpg"], Field(await ListAsync(client, ""), id, "name"));

        await using (var db = TestDatabase.Open(server.DataPath))
        {
            Assert.Equal(1, await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Media" SET "Name" = 'after.jpg' WHERE "Id" = {id}"""));
        }

        Assert.Equal(["after.jpg"], Field(await ListAsync(client, ""), id, "name"));
    }

    [Fact]
    public async Task Tenants_queries_and_hosts_never_share_an_answer()
    {
        using var one = server.CreateTenantClient(out _);
        using var two = server.CreateTenantClient(out _);
        // The same writes in both tenants, so both counters hold the same value.
        var a = await one.CreatePendingAsync("same.jpg");
        var b = await two.CreatePendingAsync("same.jpg");

        Assert.Equal([a], Ids(await ListAsync(one, "limit=5")));
        Assert.Equal([b], Ids(await ListAsync(two, "limit=5")));
        Assert.Equal([a], Ids(await ListAsync(one, "limit=5")));

        var second = await one.CreatePendingAsync("second.jpg");
        Assert.Equal([second], Ids(await ListAsync(one, "limit=1")));
        Assert.Equal([second, a], Ids(await ListAsync(one, "limit=2")));
        Assert.Equal([a, second], Ids(await ListAsync(one, "sort=createdAt")));

        // Confirmed media have signed URLs built on the request's host.
        var created = await one.CreateLibraryMediaAsync("image.png", "image/png");
        var id = created.GetProperty("id").GetString()!;
        using (var put = await one.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("image.png")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var confirm = await one.PatchAsync($"/v2/media/{id}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        var own = Assert.Single(Field(await ListAsync(one, "limit=5"), id, "path"))!;
        var other = Assert.Single(Field(await ListAsync(one, "limit=5", "media.example.test"), id, "path"))!;
        Assert.StartsWith(server.BaseAddress.GetLeftPart(UriPartial.Authority), own, StringComparison.Ordinal);
        Assert.StartsWith("http://media.example.test/files/", other, StringComparison.Ordinal);
        Assert.Equal(own, Assert.Single(Field(await ListAsync(one, "limit=5"), id, "path")));
    }

    [Fact]
    public async Task A_remembered_answer_is_not_served_past_its_signed_url_window()
    {
        // Lifetimes of 20 s rounded up to 2 s windows: a list a window later must carry URLs of the later window.
        var dataPath = Path.Combine(Path.GetTempPath(), "mediavault-listcache-" + Guid.NewGuid().ToString("N"));
        var (app, address) = await ServerFixture.StartAsync(dataPath, "--Delivery:PermanentUrlLifetime=00:00:20", "--Delivery:TemporaryUrlLifetime=00:00:20", "--Delivery:UrlExpiryWindow=00:00:02");
        try
        {
            using var client = new HttpClient(new OpenApiResponseValidator(new HttpClientHandler())) { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create("t-" + Guid.NewGuid().ToString("N")[..12], ["admin"]));
            var created = await client.CreateLibraryMediaAsync("image.png", "image/png");
            var id = created.GetProperty("id").GetString()!;
            using (var put = await client.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("image.png")))
            {
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }

            using (var confirm = await client.PatchAsync($"/v2/media/{id}", null))
            {
                Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            }

            var firstExpiry = Expiry(Assert.Single(Field(await ListAsync(client, ""), id, "path"))!);
            var listedAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            Assert.InRange(firstExpiry - listedAt, 18, 22);
            await Task.Delay(TimeSpan.FromSeconds(2.5));

            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var laterExpiry = Expiry(Assert.Single(Field(await ListAsync(client, ""), id, "path"))!);
            Assert.True(laterExpiry > firstExpiry, $"exp {laterExpiry} after the window turned, {firstExpiry} before");
            Assert.True(laterExpiry >= now + 20, $"exp {laterExpiry} is nearer than a fresh answer's ({now} + 20 s)");
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task A_write_through_another_instance_shows_in_the_next_list_of_this_one()
    {
        // Two servers on one database (one SQLite file, or one PostgreSQL database in the scale-out run).
        var dataPath = Path.Combine(Path.GetTempPath(), "mediavault-listcache-" + Guid.NewGuid().ToString("N"));
        var (appA, addressA) = await ServerFixture.StartAsync(dataPath);
        var (appB, addressB) = await ServerFixture.StartAsync(dataPath);
        try
        {
            var token = TestTokens.Create("t-" + Guid.NewGuid().ToString("N")[..12], ["admin"]);
            using var onA = new HttpClient(new OpenApiResponseValidator(new HttpClientHandler())) { BaseAddress = addressA };
            using var onB = new HttpClient(new OpenApiResponseValidator(new HttpClientHandler())) { BaseAddress = addressB };
            onA.DefaultRequestHeaders.Authorization = new("Bearer", token);
            onB.DefaultRequestHeaders.Authorization = new("Bearer", token);

            var id = await onA.CreatePendingAsync("one.jpg");
            Assert.Equal([id], Ids(await ListAsync(onA, "")));
            Assert.Equal([id], Ids(await ListAsync(onB, "")));

            await onB.UpdateMediaAsync(id, """{"name":"renamed-on-b.jpg","tags":["B"]}""");
            Assert.Equal(["renamed-on-b.jpg"], Field(await ListAsync(onA, ""), id, "name"));
            var other = await onB.CreatePendingAsync("two.jpg");
            Assert.Equal([other, id], Ids(await ListAsync(onA, "")));
            using (var deleted = await onB.DeleteAsync($"/v2/media/{id}"))
            {
                Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
            }

            Assert.Equal([other], Ids(await ListAsync(onA, "")));
        }
        finally
        {
            await appA.DisposeAsync();
            await appB.DisposeAsync();
            await DropAsync(dataPath);
        }
    }

    [Fact]
    public async Task Concurrent_transactions_of_one_tenant_each_move_its_counter()
    {
        using var client = server.CreateTenantClient(out _);
        var ids = new[] { await client.CreatePendingAsync("a.jpg"), await client.CreatePendingAsync("b.jpg"), await client.CreatePendingAsync("c.jpg") };
        await using var reader = TestDatabase.Open(server.DataPath);
        var tenant = await reader.Media.Where(m => m.Id == ids[0]).Select(m => m.TenantId).SingleAsync();
        var before = await Counter(reader, tenant);
        Assert.True(before >= 3, $"counter {before} after three creates");

        // Two transactions, each writing several rows of the tenant, committed in either order.
        await using var one = TestDatabase.Open(server.DataPath);
        await using var two = TestDatabase.Open(server.DataPath);
        // Were the counter row locked from the first write to the commit, the second transaction would wait on the first.
        two.Database.SetCommandTimeout(10);
        var postgres = TestBackends.Postgres is not null;
        await using (var first = await one.Database.BeginTransactionAsync())
        {
            await one.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Media" SET "AltText" = 'one' WHERE "Id" = {ids[0]} OR "Id" = {ids[1]}""");
            if (postgres)
            {
                await using var second = await two.Database.BeginTransactionAsync();
                await two.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Media" SET "AltText" = 'two' WHERE "Id" = {ids[2]}""");
                await second.CommitAsync();
            }

            await first.CommitAsync();
        }

        var after = await Counter(reader, tenant);
        Assert.True(after >= before + (postgres ? 2 : 1), $"counter {before} → {after}");
        Assert.Equal(["one"], Field(await ListAsync(client, ""), ids[0], "altText"));
    }

    [Fact]
    public async Task A_list_sent_after_a_commit_shows_it_while_other_lists_are_being_answered()
    {
        // On PostgreSQL the counter reads of lists waiting at once share one statement; a list must never join one
        // that was sent before its own request arrived (it would miss the write committed in between).
        using var client = server.CreateTenantClient(out _);
        var id = await client.CreatePendingAsync("round-0.jpg");
        Assert.Equal(["round-0.jpg"], Field(await ListAsync(client, ""), id, "name"));
        // Lists of this tenant (another query) and of others keep counter reads in flight all the time.
        var others = Enumerable.Range(0, 4).Select(_ => server.CreateTenantClient(out string _)).ToList();
        using var stop = new CancellationTokenSource();
        var load = others.Append(client).Append(client).Append(client).Append(client).Select(lister => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var answer = await lister.GetAsync("/v2/media?limit=5", stop.Token);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            }
        })).ToList();
        try
        {
            await using var db = TestDatabase.Open(server.DataPath);
            for (var round = 1; round <= 40; round++)
            {
                var name = $"round-{round}.jpg";
                Assert.Equal(1, await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Media" SET "Name" = {name} WHERE "Id" = {id}"""));
                Assert.Equal([name], Field(await ListAsync(client, ""), id, "name"));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(load.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            others.ForEach(o => o.Dispose());
        }

        Assert.All(load, t => Assert.False(t.IsFaulted, t.Exception?.ToString()));
    }

    private static async Task<long> Counter(Data.MediaVaultDbContext db, Guid tenant) =>
        await db.TenantChanges.Where(c => c.TenantId == tenant).Select(c => c.Version).SingleAsync();

    private static async Task DropAsync(string dataPath)
    {
        if (TestBackends.Postgres is not null)
        {
            await using var db = TestDatabase.Open(dataPath);
            await db.Database.EnsureDeletedAsync();
        }

        Directory.Delete(dataPath, recursive: true);
    }

    /// <summary>One list answer's body and ETag (with <paramref name="host"/> as the Host header when given).</summary>
    private static async Task<(string Body, string Tag)> ListAsync(HttpClient client, string query, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/media?" + query);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.ETag!.ToString());
    }

    private static List<string> Ids((string Body, string Tag) list) =>
        Data(list).Select(m => m.GetProperty("id").GetString()!).ToList();

    /// <summary>The values of <paramref name="field"/> of the listed media <paramref name="id"/> (empty when it is not listed or lacks the field).</summary>
    private static List<string?> Field((string Body, string Tag) list, string id, string field) =>
        Data(list).Where(m => m.GetProperty("id").GetString() == id)
            .Select(m => m.TryGetProperty(field, out var value) ? value.GetString() : null).Where(v => v is not null).ToList();

    private static string Item((string Body, string Tag) list, string id) =>
        Data(list).Single(m => m.GetProperty("id").GetString() == id).GetRawText();

    private static List<JsonElement> Data((string Body, string Tag) list) =>
        JsonDocument.Parse(list.Body).RootElement.GetProperty("data").EnumerateArray().ToList();

    private static long Expiry(string url) =>
        long.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["exp"]!, System.Globalization.CultureInfo.InvariantCulture);
}
