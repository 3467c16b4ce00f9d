namespace MediaVault.Server.Api.Library;

/// <summary>
/// Everything a library list answer's bytes depend on besides the tenant's rows: the tenant, the scheme, host and path
/// base its signed URLs are built on, the exact query string (stricter than the parsed query: two spellings of one
/// query are two entries, never one answer for two queries), and the <c>exp</c> its signed URLs carry for each storage
/// area (<see cref="Delivery.MediaUrlSigner.ExpiryFor"/>): a key made in the next expiry window is another key, so a
/// remembered answer never hands out URLs nearer their expiry than a fresh one would.
/// </summary>
public readonly record struct LibraryListKey(Guid TenantId, string Scheme, string Host, string PathBase, string Query, long PermanentExpires, long TemporaryExpires)
{
    /// <summary>Roughly what the key's strings occupy, for the cache's byte budget.</summary>
    public int Bytes => 2 * (Scheme.Length + Host.Length + PathBase.Length + Query.Length) + 96;
}
