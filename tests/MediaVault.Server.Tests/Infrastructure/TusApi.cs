using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Raw tus requests, for checking the protocol to the letter.</summary>
public static class TusApi
{
    public static string Metadata(params (string Key, string Value)[] pairs) =>
        string.Join(',', pairs.Select(p => $"{p.Key} {Convert.ToBase64String(Encoding.UTF8.GetBytes(p.Value))}"));

    public static async Task<HttpResponseMessage> CreateUploadAsync(this HttpClient client, long? length, string metadata, byte[]? firstChunk = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/uploads");
        request.Headers.Add("Tus-Resumable", "1.0.0");
        if (length is { } l)
        {
            request.Headers.Add("Upload-Length", l.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            request.Headers.Add("Upload-Defer-Length", "1");
        }

        request.Headers.Add("Upload-Metadata", metadata);
        if (firstChunk is not null)
        {
            request.Content = new ByteArrayContent(firstChunk);
            request.Content.Headers.ContentType = new("application/offset+octet-stream");
        }

        return await client.SendAsync(request);
    }

    public static async Task<string> CreateUploadUrlAsync(this HttpClient client, long? length, string metadata)
    {
        using var response = await client.CreateUploadAsync(length, metadata);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    public static async Task<HttpResponseMessage> PatchChunkAsync(this HttpClient client, string url, long offset, byte[] chunk, string? checksum = null, long? length = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new ByteArrayContent(chunk) };
        request.Content.Headers.ContentType = new("application/offset+octet-stream");
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (checksum is not null)
        {
            request.Headers.Add("Upload-Checksum", checksum);
        }

        if (length is { } l)
        {
            request.Headers.Add("Upload-Length", l.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> HeadUploadAsync(this HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> DeleteUploadAsync(this HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return await client.SendAsync(request);
    }

    public static string Sha256Checksum(byte[] data) => "sha256 " + Convert.ToBase64String(SHA256.HashData(data));

    public static string Sha1Checksum(byte[] data) => "sha1 " + Convert.ToBase64String(SHA1.HashData(data));

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : "";
}
