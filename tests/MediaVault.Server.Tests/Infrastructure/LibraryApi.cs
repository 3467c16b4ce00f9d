using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Helpers over the library surface's create → upload → confirm workflow.</summary>
public static class LibraryApi
{
    public static async Task<JsonElement> CreateLibraryMediaAsync(this HttpClient client, string sampleName, string type, long? fileSize = null, string? sha256 = null)
    {
        using var response = await client.PostAsJsonAsync("/v2/media", new { name = sampleName, type, fileSize = fileSize ?? TestFiles.Bytes(sampleName).Length, sha256 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static async Task<HttpResponseMessage> PutBytesAsync(this HttpClient client, string uploadUrl, byte[] bytes)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/octet-stream");
        return await client.PutAsync(uploadUrl, content);
    }

    /// <summary>Asserts the library error shape and returns its code.</summary>
    public static async Task<string> AssertLibraryErrorAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.False(json.GetProperty("success").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("message").GetString()));
        return json.GetProperty("error").GetString()!;
    }

    public static async Task<JsonElement> WaitStatusAsync(this HttpClient client, string id, params string[] final)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var media = await (await client.GetAsync($"/v2/media/{id}")).ReadJsonAsync();
            if (final.Contains(media.GetProperty("status").GetString()) || DateTime.UtcNow > deadline)
            {
                return media;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Polls until the media's preview is the named rendition (an image's large preview follows its ready state).</summary>
    public static async Task<JsonElement> WaitPreviewAsync(this HttpClient client, string id, string rendition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var media = await (await client.GetAsync($"/v2/media/{id}")).ReadJsonAsync();
            if (media.GetProperty("preview").GetString()?.Contains(rendition, StringComparison.Ordinal) == true || DateTime.UtcNow > deadline)
            {
                return media;
            }

            await Task.Delay(100);
        }
    }
}
