using MediaVault.Server.Cli;
using MediaVault.Server.Hosting;

if (CliApp.IsCommand(args))
{
    return await CliApp.RunAsync(args);
}

var app = MediaVaultApplication.Create(args);
await MediaVaultApplication.InitializeAsync(app, app.Lifetime.ApplicationStopping);
await app.RunAsync();
return 0;
