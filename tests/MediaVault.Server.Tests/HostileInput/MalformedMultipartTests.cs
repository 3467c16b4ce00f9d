using System.Net;
using System.Text;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.HostileInput;

/// <summary>Malformed multipart bodies on both multipart upload paths: 400 in the surface's shape, nothing staged or stored.</summary>
[Collection(ServerCollection.Name)]
public sealed class MalformedMultipartTests(ServerFixture server)
{
    private const string Boundary = "b0undary";

    public static TheoryData<string> Cases => ["too-many-headers", "second-part-too-many-headers", "header-line-too-long", "junk-before-first-boundary", "missing-closing-boundary", "truncated-closing-boundary", "no-boundary-parameter", "long-junk-after-a-boundary", "epilogue-over-16-KiB"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_release_upload_is_400_and_leaves_nothing_behind(string malformation)
    {
        using var client = server.CreateTenantClient(out var tenant);
        var releaseId = await client.CreateReleaseAsync();
        using var content = Malformed(malformation, "files");

        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", content);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest);
        Assert.Empty((await client.ListMediaAsync(releaseId)).EnumerateArray());
        await AssertNothingLeftAsync(tenant);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_catalog_upload_is_400_and_leaves_nothing_behind(string malformation)
    {
        using var client = server.CreateCatalogClient(out var org);
        using var content = Malformed(malformation, "file");

        using var response = await client.PostAsync("/rest/api/medias", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        using var list = await client.GetAsync("/rest/api/medias");
        Assert.Equal(0, (await list.ReadJsonAsync()).GetProperty("hydra:totalItems").GetInt32());
        await AssertNothingLeftAsync(org);
    }

    [Fact]
    public async Task A_well_formed_body_written_by_hand_is_still_accepted()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        using var content = Body(Part("files", []), closing: true);

        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task AssertNothingLeftAsync(string tenant)
    {
        Assert.Empty(await server.TenantFilesAsync(tenant));
        // Other tests upload in parallel: only this request's half-written files would be a leak, and none may stay for long.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (server.StagingFiles().Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Empty(server.StagingFiles());
    }

    private static ByteArrayContent Malformed(string malformation, string field) => malformation switch
    {
        "too-many-headers" => Body(Part(field, Enumerable.Range(0, 20).Select(i => $"X-Extra-{i}: {i}").ToArray()), closing: true),
        "second-part-too-many-headers" => Body([.. Part(field, []), .. "\r\n"u8.ToArray(), .. Part(field, Enumerable.Range(0, 20).Select(i => $"X-Extra-{i}: {i}").ToArray())], closing: true),
        "header-line-too-long" => Body(Part(field, [$"X-Long: {new string('a', 17 * 1024)}"]), closing: true),
        "junk-before-first-boundary" => Body([.. "this is not a boundary\r\n"u8.ToArray(), .. Part(field, [])], closing: true),
        "missing-closing-boundary" => Body(Part(field, []), closing: false),
        "truncated-closing-boundary" => Body([.. Part(field, []), .. Encoding.ASCII.GetBytes($"\r\n--{Boundary}")], closing: false),
        "no-boundary-parameter" => Body(Part(field, []), closing: true, contentType: "multipart/form-data"),
        "long-junk-after-a-boundary" => Body([.. Part(field, []), .. Encoding.ASCII.GetBytes($"\r\n--{Boundary}{new string(' ', 120)}"), .. Part(field, []).AsSpan(Boundary.Length + 2)], closing: true),
        "epilogue-over-16-KiB" => Body([.. Part(field, []), .. Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n{new string('e', 17 * 1024)}")], closing: false),
        _ => throw new ArgumentOutOfRangeException(nameof(malformation)),
    };

    private static byte[] Part(string field, string[] extraHeaders)
    {
        var head = new StringBuilder($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"tone.mp3\"\r\n");
        foreach (var header in extraHeaders)
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("Content-Type: audio/mpeg\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. TestFiles.Bytes("tone.mp3")];
    }

    private static ByteArrayContent Body(byte[] parts, bool closing, string contentType = $"multipart/form-data; boundary={Boundary}")
    {
        byte[] tail = closing ? Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n") : [];
        var content = new ByteArrayContent([.. parts, .. tail]);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
