using MediaVault.Core.Profiles;
using MediaVault.Core.Tenants;
using MediaVault.Data;
using MediaVault.Server.Hosting;
using MediaVault.Server.Hosting.Cors;
using MediaVault.Storage.S3;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Cli;

/// <summary>The CLI's commands. Output is plain text meant for people and for <c>$(…)</c> in scripts.</summary>
public sealed class CliCommands(IServiceProvider services, TextWriter output)
{
    public Task<int> MigrateAsync()
    {
        output.WriteLine("Database is up to date.");
        return Task.FromResult(0);
    }

    public async Task<int> CreateTenantAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        if (await db.Tenants.AnyAsync(t => t.Key == key, cancellationToken))
        {
            throw new CliException($"Tenant '{key}' already exists.");
        }

        var id = await scope.ServiceProvider.GetRequiredService<TenantResolver>().CreateAsync(db, key, cancellationToken);
        output.WriteLine($"{key}\t{id}");
        return 0;
    }

    public async Task<int> ListTenantsAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        foreach (var tenant in await db.Tenants.OrderBy(t => t.Key).ToListAsync(cancellationToken))
        {
            output.WriteLine($"{tenant.Key}\t{tenant.Id}\t{tenant.CreatedAt:O}");
        }

        return 0;
    }

    /// <summary>
    /// Shows or sets the delivery profile a tenant's releases must pass before submission (<c>Releases:RequiredProfile</c>):
    /// a release profile's name, or <c>--none</c>.
    /// </summary>
    public async Task<int> SetRequiredProfileAsync(string key, string? profile, IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken)
    {
        var none = options.ContainsKey("none");
        if (none && profile is not null)
        {
            throw new CliException("Give a profile or --none, not both.");
        }

        var profiles = services.GetRequiredService<ProfileSet>();
        if (profile is not null && (!profiles.TryGet(profile, out var known) || known.Scope != "release"))
        {
            throw new CliException($"'{profile}' is not a release profile (one of {string.Join(", ", profiles.ForScope("release").Select(p => p.Name))}).");
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Key == key, cancellationToken)
            ?? throw new CliException($"Tenant '{key}' does not exist; create it with 'tenants create {key}'.");
        if (none || profile is not null)
        {
            tenant.RequiredReleaseProfile = profile;
            await db.SaveChangesAsync(cancellationToken);
        }

        output.WriteLine($"{key}\t{tenant.RequiredReleaseProfile ?? "no required profile"}");
        return 0;
    }

    /// <summary>
    /// Shows or sets the browser origins a tenant narrows <c>Cors:AllowedOrigins</c> to: the origins given,
    /// <c>--inherit</c> (the deployment's list) or <c>--none</c> (no cross-origin reads for this tenant).
    /// </summary>
    public async Task<int> SetTenantOriginsAsync(string key, IReadOnlyList<string> origins, IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken)
    {
        var inherit = options.ContainsKey("inherit");
        var none = options.ContainsKey("none");
        if ((inherit ? 1 : 0) + (none ? 1 : 0) + (origins.Count > 0 ? 1 : 0) > 1)
        {
            throw new CliException("Give origins, --inherit or --none, not several.");
        }

        var normalized = new List<string>();
        foreach (var origin in origins)
        {
            normalized.Add(CorsOrigins.Normalize(origin, out var problem) ?? throw new CliException($"'{origin}' {problem}."));
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Key == key, cancellationToken)
            ?? throw new CliException($"Tenant '{key}' does not exist; create it with 'tenants create {key}'.");
        if (inherit || none || origins.Count > 0)
        {
            tenant.AllowedOrigins = inherit ? null : normalized.Distinct(StringComparer.Ordinal).ToList();
            await db.SaveChangesAsync(cancellationToken);
        }

        output.WriteLine(tenant.AllowedOrigins switch
        {
            null => $"{key}\tthe deployment's Cors:AllowedOrigins",
            [] => $"{key}\tno origin",
            var list => $"{key}\t{string.Join(' ', list)}",
        });
        return 0;
    }

    /// <summary>
    /// Sets the S3 bucket's own CORS rules to the deployment's <c>Cors:AllowedOrigins</c> (GET, HEAD and PUT, the
    /// preflight cached for <c>Cors:PreflightMaxAge</c>), so pages on those origins can PUT a <c>Library:DirectToBucket</c>
    /// upload URL and read presigned downloads; no origins removes the rules. Prints what the bucket allows afterwards.
    /// </summary>
    public async Task<int> SetBucketCorsAsync(CancellationToken cancellationToken)
    {
        var bucket = services.GetService<S3BucketCors>()
            ?? throw new CliException("'storage cors' needs the S3 store (Storage:Provider=s3); the filesystem store's files are served by MediaVault itself.");
        var cors = services.GetRequiredService<IOptions<CorsOptions>>().Value;
        await bucket.ApplyAsync(cors.AllowedOrigins, cors.PreflightMaxAge, cancellationToken);
        var allowed = await bucket.ReadAsync(cancellationToken);
        output.WriteLine(allowed.Count == 0 ? "bucket	no origin" : $"bucket	{string.Join(' ', allowed)}");
        return 0;
    }

    public async Task<int> CreateKeyAsync(IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken)
    {
        var tenantKey = Required(options, "tenant");
        var permissions = ParsePermissions(Required(options, "permissions"));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        var tenantId = await db.Tenants.Where(t => t.Key == tenantKey).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CliException($"Tenant '{tenantKey}' does not exist; create it with 'tenants create {tenantKey}'.");
        var (id, secret) = await ApiKeyCommands.CreateAsync(db, tenantId, permissions, TimeProvider.System, cancellationToken);
        output.WriteLine($"X-API-ID: {id}");
        output.WriteLine($"X-API-KEY: {secret}");
        output.WriteLine($"Bearer: {ApiKeySecret.BearerForm(id, secret)}");
        output.WriteLine("The secret is shown only now; it is stored as a hash.");
        return 0;
    }

    public async Task<int> RevokeKeyAsync(string id, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        var now = DateTime.UtcNow;
        var revoked = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        if (revoked == 0)
        {
            throw new CliException($"No active API key '{id}'.");
        }

        output.WriteLine($"Revoked {id}.");
        return 0;
    }

    public int CreateToken(IReadOnlyDictionary<string, string> options)
    {
        var tenantKey = Required(options, "tenant");
        var subject = options.GetValueOrDefault("sub") ?? "cli";
        var permissions = ParsePermissions(Required(options, "permissions"));
        var lifetime = CliArguments.ParseDuration(options.GetValueOrDefault("ttl") ?? "1h");
        var issuer = services.GetRequiredService<TokenIssuer>();
        if (!issuer.IsConfigured)
        {
            throw new CliException("Auth:Jwt:SigningKey is not configured; set Auth__Jwt__SigningKey (at least 32 bytes).");
        }

        output.WriteLine(issuer.Create(tenantKey, subject, permissions, lifetime));
        return 0;
    }

    private static string Required(IReadOnlyDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new CliException($"--{name} is required.");

    private static List<string> ParsePermissions(string value)
    {
        var permissions = value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var unknown = permissions.Where(p => !Permissions.IsKnown(p)).ToList();
        return unknown.Count > 0 ? throw new CliException($"Unknown permission(s): {string.Join(", ", unknown)}.") : permissions;
    }
}
