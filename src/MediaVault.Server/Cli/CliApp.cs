using MediaVault.Data;
using MediaVault.Server.Hosting;
using MediaVault.Server.Hosting.Cors;

namespace MediaVault.Server.Cli;

/// <summary>
/// Administrative commands of the same executable:
/// <c>tenants create|list|origins|required-profile</c>, <c>keys create|revoke</c>, <c>tokens create</c>, <c>storage cors</c>, <c>migrate</c>.
/// </summary>
public static class CliApp
{
    private static readonly string[] Commands = ["tenants", "keys", "tokens", "storage", "migrate", "help", "--help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        var (positional, options) = CliArguments.Parse(args);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // Options double as configuration overrides (--DataPath, --Auth:Jwt:SigningKey, --ConnectionStrings:Default …).
            Args = options.Select(o => $"--{o.Key}={o.Value}").ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
            // The CLI shares the server's environment, so `./run.sh tokens create` signs with the server's key.
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddMediaVaultCore(builder.Configuration);
        builder.Services.AddMediaVaultCors();
        using var host = builder.Build();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancel.Token);
            var commands = new CliCommands(host.Services, output);
            return (positional.ElementAtOrDefault(0), positional.ElementAtOrDefault(1)) switch
            {
                ("migrate", _) => await commands.MigrateAsync(),
                ("tenants", "create") when positional.Count == 3 => await commands.CreateTenantAsync(positional[2], cancel.Token),
                ("tenants", "list") => await commands.ListTenantsAsync(cancel.Token),
                ("tenants", "origins") when positional.Count >= 3 => await commands.SetTenantOriginsAsync(positional[2], positional[3..], options, cancel.Token),
                ("tenants", "required-profile") when positional.Count is 3 or 4 =>
                    await commands.SetRequiredProfileAsync(positional[2], positional.ElementAtOrDefault(3), options, cancel.Token),
                ("keys", "create") => await commands.CreateKeyAsync(options, cancel.Token),
                ("keys", "revoke") when positional.Count == 3 => await commands.RevokeKeyAsync(positional[2], cancel.Token),
                ("tokens", "create") => commands.CreateToken(options),
                ("storage", "cors") => await commands.SetBucketCorsAsync(cancel.Token),
                _ => Usage(output),
            };
        }
        catch (CliException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
    }

    private static int Usage(TextWriter output)
    {
        output.WriteLine("""
            usage: MediaVault.Server <command>
              tenants create <key>
              tenants list
              tenants origins <key> [<origin>… | --inherit | --none]
              tenants required-profile <key> [<profile> | --none]
              keys create --tenant <key> --permissions a,b
              keys revoke <id>
              tokens create --tenant <key> --sub <id> --permissions a,b [--ttl 1h]
              storage cors   (the S3 bucket's CORS rules := Cors:AllowedOrigins)
              migrate
            permissions: media:read media:write media:delete releases:read releases:write releases:review catalog:read catalog:write admin
            """);
        return 64;
    }
}
