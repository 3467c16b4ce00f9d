using System.Net;
using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Uploads a made-up image through the release or the library surface and reads its renditions.</summary>
public static class ImageApi
{
    /// <summary>Uploads the bytes to a fresh release of the client's tenant and waits until the media is ready or failed.</summary>
    public static async Task<(string ReleaseId, JsonElement Media)> UploadToReleaseAsync(this HttpClient client, string name, byte[] bytes)
    {
        var releaseId = await client.CreateReleaseAsync();
        using (var content = ReleaseApi.Files(("files", name, bytes)))
        using (var response = await client.PostAsync($"/releases/{releaseId}/media/files", content))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        return (releaseId, (await client.WaitProcessedAsync(releaseId))[0]);
    }

    /// <summary>Creates, uploads and confirms a library media and waits for SUCCESS or ERROR.</summary>
    public static async Task<JsonElement> UploadToLibraryAsync(this HttpClient client, HttpClient anonymous, string name, string type, byte[] bytes)
    {
        var created = await client.CreateLibraryMediaAsync(name, type, bytes.Length);
        var id = created.GetProperty("id").GetString()!;
        using (var put = await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, bytes))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var confirm = await client.PatchAsync($"/v2/media/{id}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        return await client.WaitStatusAsync(id, "SUCCESS", "ERROR");
    }

    /// <summary>Polls the release's only media until it has the rendition (made by a follow-up job after ready).</summary>
    public static async Task<JsonElement> WaitForRenditionAsync(this HttpClient client, string releaseId, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var media = (await client.ListMediaAsync(releaseId))[0];
        while (!RenditionNames(media).Contains(name) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            media = (await client.ListMediaAsync(releaseId))[0];
        }

        return media;
    }

    public static List<string> RenditionNames(JsonElement media) =>
        media.GetProperty("metadata").TryGetProperty("renditions", out var renditions)
            ? renditions.EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToList()
            : [];

    public static JsonElement Rendition(JsonElement media, string name) =>
        media.GetProperty("metadata").GetProperty("renditions").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    /// <summary>A metadata number, asserting that it is a JSON number (never a string or null).</summary>
    public static double Number(JsonElement metadata, string key)
    {
        var value = metadata.GetProperty(key);
        Assert.True(value.ValueKind == JsonValueKind.Number, $"{key} is {value.ValueKind}, not a number");
        return value.GetDouble();
    }
}
