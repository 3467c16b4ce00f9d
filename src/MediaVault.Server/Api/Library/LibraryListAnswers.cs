using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MediaVault.Core.Storage;
using MediaVault.Server.Api.Delivery;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// A library list answer from <see cref="LibraryListCache"/> when the tenant's change counter and the request's
/// <see cref="LibraryListKey"/> are those it was made under, else made anew and remembered. The counter is read
/// before the page's query, and the answer is kept only if the URL window did not turn while it was made.
/// </summary>
public sealed class LibraryListAnswers(LibraryListCache cache, TenantChangeReader counters, MediaUrlSigner signer, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private readonly JsonTypeInfo pageType = json.Value.SerializerOptions.GetTypeInfo(typeof(LibraryPage));

    /// <summary>The answer's JSON, or null when <paramref name="make"/> gave null (nothing is remembered then).</summary>
    public async Task<JsonBytesResult?> GetOrMakeAsync(HttpRequest request, Guid tenantId, Func<Task<LibraryPage?>> make, CancellationToken cancellationToken)
    {
        if (cache.Budget <= 0)
        {
            return await make() is { } page ? new JsonBytesResult(JsonSerializer.SerializeToUtf8Bytes(page, pageType)) : null;
        }

        var key = Key(request, tenantId);
        var version = await counters.ReadAsync(tenantId, cancellationToken);
        if (cache.Find(key, version) is { } body)
        {
            return new JsonBytesResult(body);
        }

        if (await make() is not { } made)
        {
            return null;
        }

        body = JsonSerializer.SerializeToUtf8Bytes(made, pageType);
        if (Key(request, tenantId) == key)
        {
            cache.Add(key, version, body);
        }

        return new JsonBytesResult(body);
    }

    private LibraryListKey Key(HttpRequest request, Guid tenantId) => new(
        tenantId, request.Scheme, request.Host.Value ?? "", request.PathBase.Value ?? "", request.QueryString.Value ?? "",
        signer.ExpiryFor(StorageArea.Permanent), signer.ExpiryFor(StorageArea.Temporary));
}
