using System.Net;
using System.Text;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.HostileInput;

/// <summary>What a download shows of hostile input: invisible characters in names, Range units other than bytes.</summary>
[Collection(ServerCollection.Name)]
public sealed class HostileDeliveryTests(ServerFixture server)
{
    [Fact]
    public async Task Bidi_overrides_and_invisible_characters_are_stripped_from_the_stored_name_and_content_disposition()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        // "invoice<RLO>fdp.exe" would display as "invoiceexe.pdf"; isolates, marks and zero-width characters hide too.
        const string hostile = "in\u2066voice\u202Efdp\u200B\u200E\u061C\u2069.pdf";
        var encoded = Uri.EscapeDataString(hostile);
        var head = Encoding.ASCII.GetBytes($"--b0undary\r\nContent-Disposition: form-data; name=\"files\"; filename*=UTF-8''{encoded}\r\nContent-Type: application/pdf\r\n\r\n");
        using var content = new ByteArrayContent([.. head, .. TestFiles.Bytes("document.pdf"), .. "\r\n--b0undary--\r\n"u8.ToArray()]);
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b0undary");

        using var upload = await client.PostAsync($"/releases/{releaseId}/media/files", content);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var listed = (await client.ListMediaAsync(releaseId))[0];
        using var anonymous = server.CreateClient();
        using var download = await anonymous.GetAsync(listed.GetProperty("cloudUrl").GetString());

        Assert.Equal("invoicefdp.pdf", listed.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var header = download.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.DoesNotContain("%E2%80", header, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("%D8%9C", header, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("invoicefdp.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Theory]
    [InlineData("items=0-10")]
    [InlineData("pages=1-2")]
    public async Task A_range_in_a_unit_other_than_bytes_is_ignored_and_the_whole_body_is_200(string range)
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var url = (await client.UploadAsync(releaseId, "tone.mp3")).GetProperty("data")[0].GetProperty("cloudUrl").GetString()!;
        var bytes = TestFiles.Bytes("tone.mp3");
        using var anonymous = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentRange);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_bytes_range_in_any_letter_case_is_still_served_as_a_slice()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var url = (await client.UploadAsync(releaseId, "tone.mp3")).GetProperty("data")[0].GetProperty("cloudUrl").GetString()!;
        using var anonymous = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Range", "Bytes=0-9");

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(TestFiles.Bytes("tone.mp3")[..10], await response.Content.ReadAsByteArrayAsync());
    }
}
