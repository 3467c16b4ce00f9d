using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Small helpers over the release surface, so tests read as the requests they make.</summary>
public static class ReleaseApi
{
    public static async Task<string> CreateReleaseAsync(this HttpClient client, string title = "Test Release", object? extra = null)
    {
        var body = extra ?? new { title, displayArtist = "Test Artist", format = "Single", type = "Audio" };
        using var response = await client.PostAsJsonAsync("/releases", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        return json.GetProperty("data").GetProperty("id").GetString()!;
    }

    public static MultipartFormDataContent Files(params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (field, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, field, fileName);
        }

        return content;
    }

    public static MultipartFormDataContent SampleFiles(params string[] names) =>
        Files(names.Select(n => ("files", n, TestFiles.Bytes(n))).ToArray());

    public static async Task<JsonElement> UploadAsync(this HttpClient client, string releaseId, params string[] sampleNames)
    {
        using var content = SampleFiles(sampleNames);
        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> ListMediaAsync(this HttpClient client, string releaseId)
    {
        using var response = await client.GetAsync($"/releases/{releaseId}/media");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>Polls the media list until every file is ready or failed.</summary>
    public static async Task<JsonElement> WaitProcessedAsync(this HttpClient client, string releaseId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var media = await client.ListMediaAsync(releaseId);
            var pending = media.EnumerateArray().Any(m => m.GetProperty("metadata").GetProperty("state").GetString() is not ("ready" or "failed"));
            if (!pending || DateTime.UtcNow > deadline)
            {
                return media;
            }

            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the release surface's error shape and returns its message.</summary>
    public static async Task<string> AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("error", json.GetProperty("status").GetString());
        var message = json.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        await client.PostAsJsonAsync(path, body);

    /// <summary>Takes a release from draft to approved and waits until the promotion job completed it.</summary>
    public static async Task ApproveAndCompleteAsync(this HttpClient client, string releaseId)
    {
        using (var submit = await client.PostAsync($"/releases/{releaseId}/submit", null))
        {
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        }

        using (var review = await client.PostAsJsonAsync($"/releases/{releaseId}/review", new { action = "approve", feedback = "ok" }))
        {
            Assert.Equal(HttpStatusCode.OK, review.StatusCode);
            Assert.Equal("Release approved successfully", (await review.ReadJsonAsync()).GetProperty("message").GetString());
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            using var get = await client.GetAsync($"/releases/{releaseId}");
            if ((await get.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString() == "completed")
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The release did not become completed after approval.");
    }
}
