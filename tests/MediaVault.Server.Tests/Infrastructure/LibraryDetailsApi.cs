using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Helpers over the library's details, list, tags and bulk operations.</summary>
public static class LibraryDetailsApi
{
    /// <summary>A pending media (created, never uploaded): enough for details, search and sorting by declared size and duration.</summary>
    public static async Task<string> CreatePendingAsync(this HttpClient client, string name, string type = "image/jpeg", long fileSize = 1000, double? duration = null)
    {
        using var response = await client.PostAsJsonAsync("/v2/media", new { name, type, fileSize, duration });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    public static async Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, string json) =>
        await client.PatchAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>PATCHes the media and asserts 200, returning the Get a Media answer.</summary>
    public static async Task<JsonElement> UpdateMediaAsync(this HttpClient client, string id, string json)
    {
        using var response = await client.PatchJsonAsync($"/v2/media/{id}", json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> BulkAsync(this HttpClient client, string json)
    {
        using var response = await client.PostAsync("/v2/media/bulk", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        return body.GetProperty("data");
    }

    /// <summary>The ids of one list page.</summary>
    public static async Task<(List<string> Ids, string? Next)> ListIdsAsync(this HttpClient client, string query)
    {
        using var response = await client.GetAsync("/v2/media?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJsonAsync();
        var ids = page.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();
        return (ids, page.GetProperty("pagination").GetProperty("nextCursor").GetString());
    }

    /// <summary>Every id of a query, following <c>nextCursor</c> page by page.</summary>
    public static async Task<List<string>> ListAllIdsAsync(this HttpClient client, string query, int limit)
    {
        var all = new List<string>();
        string? cursor = null;
        do
        {
            var (ids, next) = await client.ListIdsAsync($"{query}&limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.True(ids.Count <= limit);
            all.AddRange(ids);
            cursor = next;
        }
        while (cursor is not null);
        return all;
    }

    public static List<string> Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
