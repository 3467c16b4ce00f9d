using System.Net;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// One processed image on each surface (releases and the catalog with a JWT, the library with an API key) and the
/// GET routes that read them, for the tests of what the pipeline adds around every answer.
/// </summary>
public sealed record ApiReads(HttpClient Releases, HttpClient Catalog, HttpClient Library, string ReleaseId, string CatalogMediaId, string LibraryMediaId, string FileUrl)
    : IDisposable
{
    /// <summary>Every GET route of the three surfaces and the web page, each with the client that may read it.</summary>
    public IEnumerable<(HttpClient Client, string Path)> Routes() =>
    [
        (Releases, "/releases"),
        (Releases, $"/releases/{ReleaseId}"),
        (Releases, $"/releases/{ReleaseId}/tracks"),
        (Releases, $"/releases/{ReleaseId}/media"),
        (Catalog, "/rest/api/medias"),
        (Catalog, $"/rest/api/medias/{CatalogMediaId}"),
        (Catalog, "/rest/api/products"),
        (Catalog, $"/rest/api/products/{Guid.NewGuid()}"),
        (Catalog, "/rest/api/variants"),
        (Catalog, $"/rest/api/variants/{Guid.NewGuid()}"),
        (Library, "/v2/media"),
        (Library, $"/v2/media/{LibraryMediaId}"),
        (Library, "/api/session"),
        (Library, $"/api/media/{LibraryMediaId}"),
    ];

    public static async Task<ApiReads> CreateAsync(ServerFixture server)
    {
        var releases = server.CreateTenantClient(out var tenant);
        var catalog = server.CreateClientFor(tenant, "admin");
        catalog.DefaultRequestHeaders.Add(CatalogApi.OrgHeader, tenant);
        var (library, _) = await server.CreateApiKeyClientAsync();

        var releaseId = await releases.CreateReleaseAsync();
        await releases.UploadAsync(releaseId, "image.jpg");
        var fileUrl = (await releases.WaitProcessedAsync(releaseId))[0].GetProperty("cloudUrl").GetString()!;

        var catalogMedia = await catalog.UploadMediaAsync("image.png");
        await catalog.WaitMediaReadyAsync(catalogMedia.GetProperty("@id").GetString()!);

        var created = await library.CreateLibraryMediaAsync("image.jpg", "image/jpeg");
        var libraryId = created.GetProperty("id").GetString()!;
        using (var anonymous = server.CreateClient())
        using (var put = await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("image.jpg")))
        {
            Assert.True(put.IsSuccessStatusCode);
        }

        using (var confirm = await library.PatchAsync($"/v2/media/{libraryId}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        Assert.Equal("SUCCESS", (await library.WaitStatusAsync(libraryId, "SUCCESS", "ERROR")).GetProperty("status").GetString());
        return new ApiReads(releases, catalog, library, releaseId, catalogMedia.GetProperty("id").GetString()!, libraryId, fileUrl);
    }

    /// <summary>
    /// A client without answer validation or automatic decompression, with the same credentials: it sees the bytes on
    /// the wire.
    /// </summary>
    public static HttpClient Raw(HttpClient authenticated)
    {
        var raw = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = authenticated.BaseAddress };
        foreach (var header in authenticated.DefaultRequestHeaders)
        {
            raw.DefaultRequestHeaders.TryAddWithoutValidation(header.Key, header.Value);
        }

        return raw;
    }

    public void Dispose()
    {
        Releases.Dispose();
        Catalog.Dispose();
        Library.Dispose();
    }
}
