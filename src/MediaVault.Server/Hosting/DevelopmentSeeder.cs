using MediaVault.Core.Tenants;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Hosting;

/// <summary>First start in Development on an empty database: tenant <c>demo</c> with one admin API key and one token, printed once.</summary>
public static class DevelopmentSeeder
{
    public const string DemoTenant = "demo";

    public static async Task SeedAsync(IServiceProvider services, string dataPath, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        if (await db.Tenants.AnyAsync(cancellationToken))
        {
            return;
        }

        var tenantId = await scope.ServiceProvider.GetRequiredService<TenantResolver>().CreateAsync(db, DemoTenant, cancellationToken);
        var (apiId, secret) = await ApiKeyCommands.CreateAsync(db, tenantId, [Permissions.Admin], TimeProvider.System, cancellationToken);
        var issuer = scope.ServiceProvider.GetRequiredService<TokenIssuer>();
        var token = issuer.IsConfigured ? issuer.Create(DemoTenant, "demo-user", [Permissions.Admin], TimeSpan.FromDays(30)) : null;

        var text = $"""
            MediaVault development credentials for tenant '{DemoTenant}' (shown once; also saved in {Path.Combine(dataPath, "demo-credentials.txt")}):
              X-API-ID:  {apiId}
              X-API-KEY: {secret}
              Bearer (API key): {ApiKeySecret.BearerForm(apiId, secret)}
              Bearer (JWT, 30 days): {token ?? "(no Auth:Jwt:SigningKey configured)"}
            """;
        Console.WriteLine(text);
        await File.WriteAllTextAsync(Path.Combine(dataPath, "demo-credentials.txt"), text + Environment.NewLine, cancellationToken);
    }
}
