using System.Net;
using System.Net.Http.Headers;
using MediaVault.Core.Media;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Server.Api.Delivery;
using MediaVault.Server.Hosting;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Tests.Delivery;

[Collection(ServerCollection.Name)]
public sealed class DeliveryTests(ServerFixture server)
{
    [Fact]
    public async Task Ranges_give_byte_exact_slices()
    {
        var (url, bytes) = await UploadAsync("tone.mp3");
        using var client = server.CreateClient();

        Assert.Equal(bytes[..1], await RangeAsync(client, url, new RangeHeaderValue(0, 0), HttpStatusCode.PartialContent));
        Assert.Equal(bytes[^1..], await RangeAsync(client, url, new RangeHeaderValue(bytes.Length - 1, null), HttpStatusCode.PartialContent));
        Assert.Equal(bytes[^10..], await RangeAsync(client, url, new RangeHeaderValue(null, 10), HttpStatusCode.PartialContent));
        Assert.Equal(bytes[100..200], await RangeAsync(client, url, new RangeHeaderValue(100, 199), HttpStatusCode.PartialContent));
        using var unsatisfiable = new HttpRequestMessage(HttpMethod.Get, url);
        unsatisfiable.Headers.Range = new RangeHeaderValue(bytes.Length + 10, null);
        using var response = await client.SendAsync(unsatisfiable);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{bytes.Length}", response.Content.Headers.GetValues("Content-Range").Single());
    }

    [Fact]
    public async Task A_range_at_a_multi_gigabyte_offset_reads_the_right_bytes()
    {
        if (!TestBackends.UsesFileSystem)
        {
            // A sparse multi-GB original can only be made on the filesystem; ranged reads on S3 are covered by the storage contract tests.
            return;
        }

        var (url, offset, marker) = await SparseMediaAsync(5L * 1024 * 1024 * 1024);
        using var client = server.CreateClient();

        var slice = await RangeAsync(client, url, new RangeHeaderValue(offset, offset + marker.Length - 1), HttpStatusCode.PartialContent);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(marker, slice);
        Assert.Equal(5L * 1024 * 1024 * 1024, head.Content.Headers.ContentLength);
        Assert.Equal("bytes", head.Headers.AcceptRanges.Single());
    }

    [Fact]
    public async Task A_multi_range_request_on_a_100_mb_file_is_answered_with_its_first_range_only()
    {
        const long size = 100L * 1024 * 1024;
        var url = TestBackends.UsesFileSystem ? (await SparseMediaAsync(size)).Url : await StoredZerosMediaAsync(size);
        using var client = server.CreateClient();
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            using var request = new HttpRequestMessage(method, url);
            Assert.True(request.Headers.TryAddWithoutValidation("Range", "bytes=0-0,-1"));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal($"bytes 0-0/{size}", response.Content.Headers.GetValues("Content-Range").Single());
            Assert.Equal(1, response.Content.Headers.ContentLength);
            Assert.Equal(method == HttpMethod.Get ? 1 : 0, (await response.Content.ReadAsByteArrayAsync()).Length);
        }

        using var suffixFirst = new HttpRequestMessage(HttpMethod.Get, url);
        Assert.True(suffixFirst.Headers.TryAddWithoutValidation("Range", "bytes=-3,0-9,20-29"));
        using var suffix = await client.SendAsync(suffixFirst, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.PartialContent, suffix.StatusCode);
        Assert.Equal($"bytes {size - 3}-{size - 1}/{size}", suffix.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal(3, (await suffix.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Validators_give_304_and_412_and_if_range_falls_back_to_the_whole_file()
    {
        var (url, bytes) = await UploadAsync("image.png");
        using var client = server.CreateClient();
        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}\"", etag.Tag);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var notModified = new HttpRequestMessage(HttpMethod.Get, url);
        notModified.Headers.IfNoneMatch.Add(etag);
        using var since = new HttpRequestMessage(HttpMethod.Get, url);
        since.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var precondition = new HttpRequestMessage(HttpMethod.Get, url);
        precondition.Headers.IfMatch.Add(new EntityTagHeaderValue("\"other\""));
        using var staleRange = new HttpRequestMessage(HttpMethod.Get, url);
        staleRange.Headers.Range = new RangeHeaderValue(0, 9);
        staleRange.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"other\""));
        using var freshRange = new HttpRequestMessage(HttpMethod.Get, url);
        freshRange.Headers.Range = new RangeHeaderValue(0, 9);
        freshRange.Headers.IfRange = new RangeConditionHeaderValue(etag);

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(notModified)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(since)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(precondition)).StatusCode);
        using var stale = await client.SendAsync(staleRange);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(bytes, await stale.Content.ReadAsByteArrayAsync());
        using var fresh = await client.SendAsync(freshRange);
        Assert.Equal(HttpStatusCode.PartialContent, fresh.StatusCode);
    }

    [Fact]
    public async Task Head_answers_headers_without_a_body_and_every_response_is_hardened()
    {
        var (url, bytes) = await UploadAsync("tone.mp3");
        using var client = server.CreateClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal("audio/mpeg", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", head.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", head.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(head.Headers.CacheControl!.Private);
        // The URL's lifetime (1 hour for staged media), at most one expiry window (5 minutes) longer.
        Assert.InRange(head.Headers.CacheControl.MaxAge!.Value.TotalSeconds, 1, 3600 + 300);
        Assert.Equal("inline", head.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task A_hostile_file_name_is_encoded_safely_in_content_disposition()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        // HttpClient refuses to send such a name, so the multipart body is written by hand (RFC 5987 filename*).
        var encoded = Uri.EscapeDataString("we\"ird\r\nna;me ü€.pdf");
        var head = System.Text.Encoding.ASCII.GetBytes($"--b0undary\r\nContent-Disposition: form-data; name=\"files\"; filename*=UTF-8''{encoded}\r\nContent-Type: application/pdf\r\n\r\n");
        var tail = "\r\n--b0undary--\r\n"u8.ToArray();
        using var content = new ByteArrayContent([.. head, .. TestFiles.Bytes("document.pdf"), .. tail]);
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b0undary");
        using var upload = await client.PostAsync($"/releases/{releaseId}/media/files", content);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var url = (await upload.ReadJsonAsync()).GetProperty("data")[0].GetProperty("cloudUrl").GetString()!;
        using var anonymous = server.CreateClient();

        using var response = await anonymous.GetAsync(url);

        var header = response.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.DoesNotContain('\n', header);
        Assert.DoesNotContain('\r', header);
        Assert.StartsWith("attachment", header, StringComparison.Ordinal);
        Assert.Equal("we\"irdna;me ü€.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task An_svg_is_served_as_an_attachment_with_a_sandboxing_policy()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>"u8.ToArray();
        using var content = ReleaseApi.Files(("files", "logo.svg", svg));
        using var upload = await client.PostAsync($"/releases/{releaseId}/media/files", content);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var item = (await upload.ReadJsonAsync()).GetProperty("data")[0];
        using var anonymous = server.CreateClient();

        using var response = await anonymous.GetAsync(item.GetProperty("cloudUrl").GetString());

        Assert.Equal("image", item.GetProperty("type").GetString());
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tampered_expired_and_unsigned_variant_urls_are_403()
    {
        var (url, _) = await UploadAsync("image.png");
        var mediaId = new Uri(url).AbsolutePath.Split('/').Last();
        var options = server.Services.GetRequiredService<IOptions<DeliveryOptions>>();
        var past = new MediaUrlSigner(options, new ShiftedClock(TimeSpan.FromDays(-3)));
        var expired = $"/files/{mediaId}?{past.SignQuery(mediaId, null, StorageArea.Temporary)}";
        using var client = server.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url.Replace("sig=", "sig=x", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(expired)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url + "&w=100")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/files/{Guid.NewGuid()}?exp=99999999999&kid=x&sig=y")).StatusCode);
    }

    [Fact]
    public async Task A_variant_is_computed_once_under_twenty_concurrent_requests_then_served_from_cache()
    {
        var (url, _) = await UploadAsync("image.jpg");
        var mediaId = new Uri(url).AbsolutePath.Split('/').Last();
        var signer = server.Services.GetRequiredService<MediaUrlSigner>();
        var variant = new ImageVariant(40, 40, "cover", "png", 80);
        var variantUrl = $"/files/{mediaId}?w=40&h=40&fit=cover&format=png&q=80&{signer.SignQuery(mediaId, null, StorageArea.Temporary, variant.Canonical)}";
        using var client = server.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await client.GetAsync(variantUrl);
            return (response.StatusCode, Bytes: await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("image/png", r.MediaType));
        Assert.Single(responses.Select(r => Convert.ToHexString(r.Bytes)).Distinct());
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<MediaVaultDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Renditions.CountAsync(r => r.MediaId == mediaId && r.Name == variant.RenditionName));
        Assert.Single(server.StoredFiles(mediaId), f => f.EndsWith(variant.RenditionName, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("thumb", 256)]
    [InlineData("small", 480)]
    public async Task A_preset_works_on_a_signed_original_url(string preset, int box)
    {
        var (url, _) = await UploadAsync("exif-orientation-6.jpg");
        using var client = server.CreateClient();

        using var response = await client.GetAsync(url + "&preset=" + preset);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
        Assert.True(box >= 256);
    }

    [Theory]
    [InlineData("avif")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public async Task Variant_formats_are_served_with_their_type(string format)
    {
        var (url, _) = await UploadAsync("alpha.png");
        var mediaId = new Uri(url).AbsolutePath.Split('/').Last();
        var signer = server.Services.GetRequiredService<MediaUrlSigner>();
        var variant = new ImageVariant(20, 20, "contain", format, 70);
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/files/{mediaId}?w=20&h=20&fit=contain&format={format}&q=70&{signer.SignQuery(mediaId, null, StorageArea.Temporary, variant.Canonical)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(variant.MimeType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_variant_parameters_are_400()
    {
        var (url, _) = await UploadAsync("image.png");
        using var client = server.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url + "&w=99999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url + "&preset=huge")).StatusCode);
    }

    private async Task<(string Url, byte[] Bytes)> UploadAsync(string sample)
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var url = (await client.UploadAsync(releaseId, sample)).GetProperty("data")[0].GetProperty("cloudUrl").GetString()!;
        return (url, TestFiles.Bytes(sample));
    }

    private static async Task<byte[]> RangeAsync(HttpClient client, string url, RangeHeaderValue range, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = range;
        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A media whose original, stored through the blob store (any backend), is <paramref name="size"/> zero bytes.</summary>
    private async Task<string> StoredZerosMediaAsync(long size)
    {
        var media = await MediaRowAsync(size);
        var zeros = Path.Combine(Path.GetTempPath(), "mediavault-zeros-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(zeros, FileMode.CreateNew))
            {
                file.SetLength(size);
            }

            await using var read = File.OpenRead(zeros);
            await server.Services.GetRequiredService<IBlobStore>().UploadAsync(BlobKey.Original(StorageArea.Permanent, media.TenantId, media.Id), read, CancellationToken.None);
        }
        finally
        {
            File.Delete(zeros);
        }

        var signer = server.Services.GetRequiredService<MediaUrlSigner>();
        return $"/files/{media.Id}?{signer.SignQuery(media.Id, null, StorageArea.Permanent)}";
    }

    /// <summary>A media whose original is a sparse file of <paramref name="size"/> bytes with a marker near its end.</summary>
    private async Task<(string Url, long Offset, byte[] Marker)> SparseMediaAsync(long size)
    {
        var media = await MediaRowAsync(size);
        var path = Path.Combine(server.BlobRoot, BlobKey.Original(StorageArea.Permanent, media.TenantId, media.Id).Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var offset = size - 1_000_000;
        var marker = "MediaVault sparse marker"u8.ToArray();
        await using (var file = new FileStream(path, FileMode.CreateNew))
        {
            file.SetLength(size);
            file.Seek(offset, SeekOrigin.Begin);
            await file.WriteAsync(marker);
        }

        var signer = server.Services.GetRequiredService<MediaUrlSigner>();
        return ($"/files/{media.Id}?{signer.SignQuery(media.Id, null, StorageArea.Permanent)}", offset, marker);
    }

    /// <summary>A ready, permanent video media row of <paramref name="size"/> bytes in a fresh tenant; its bytes are the caller's to store.</summary>
    private async Task<MediaItem> MediaRowAsync(long size)
    {
        var tenantId = (await server.Services.GetRequiredService<TenantResolver>().ResolveAsync("sparse-" + Guid.NewGuid().ToString("N")[..8], CancellationToken.None))!.Value;
        var media = new MediaItem
        {
            Id = MediaId.New(), TenantId = tenantId, Kind = MediaKind.Video, Name = "huge.mp4", State = MediaState.Ready,
            Area = StorageArea.Permanent, Size = size, Sha256 = new string('a', 64), MimeType = "video/mp4",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, UploadedAt = DateTime.UtcNow,
        };
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<MediaVaultDbContext>>().CreateDbContextAsync())
        {
            db.Media.Add(media);
            await db.SaveChangesAsync();
        }

        return media;
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + shift;
    }
}
