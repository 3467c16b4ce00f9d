using System.Net;
using System.Net.Sockets;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Jobs;

/// <summary>Checks whether a link answers (HEAD, then a one-byte GET) and records <c>metadata.linkValidated</c>.</summary>
public sealed class ValidateLinkJobHandler(
    IDbContextFactory<MediaVaultDbContext> dbFactory,
    IHttpClientFactory httpClients,
    IOptions<LinkCheckOptions> options,
    TimeProvider clock) : IJobHandler
{
    public const string HttpClientName = "link-validation";

    public string Kind => JobKinds.ValidateLink;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<MediaJobPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var media = await db.Media.SingleOrDefaultAsync(m => m.Id == payload.MediaId && m.TenantId == job.TenantId && m.IsLink, cancellationToken);
        if (media?.LinkUrl is null)
        {
            return;
        }

        var reachable = await IsReachableAsync(new Uri(media.LinkUrl), cancellationToken);
        MediaMetadata.Merge(media, new System.Text.Json.Nodes.JsonObject { ["linkValidated"] = reachable });
        var now = clock.GetUtcNow().UtcDateTime;
        media.ProcessedAt = now;
        media.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task GiveUpAsync(Job job, Exception failure, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> IsReachableAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        var client = httpClients.CreateClient(HttpClientName);
        try
        {
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (head.IsSuccessStatusCode)
            {
                return true;
            }

            using var get = new HttpRequestMessage(HttpMethod.Get, url);
            get.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 0);
            using var response = await client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>A handler that refuses to connect to loopback, private and link-local addresses unless allowed.</summary>
    public static SocketsHttpHandler CreateGuardedHandler(LinkCheckOptions options) => new()
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.Where(a => options.AllowPrivateNetworks || IsPublic(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"Links to {context.DnsEndPoint.Host} are not checked: it is not a public address.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily != AddressFamily.InterNetwork || bytes[0] switch
        {
            0 or 10 or 127 => false,
            169 => bytes[1] != 254,
            172 => bytes[1] is < 16 or > 31,
            192 => bytes[1] != 168,
            100 => bytes[1] is < 64 or > 127,
            _ => true,
        };
    }
}
